/**
 * The demo accounts (documented in the README). Scope is given by region and
 * park names from places.ts. Other parks' operators and other towns' inspectors
 * exist as data (they appear in histories) but have no password: an admin
 * sets one to use them.
 */
import type { Role } from '../../shared/finding-machine';
import type { Town } from './places';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  /** Region names (inspector, supervisor). */
  regions?: (Town | '慈溪市')[];
  /** Park keys (operator). */
  parks?: string[];
  /** Whether the demo password works (documented accounts) or no password is set. */
  login: boolean;
  title: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', name: '系统管理员', role: 'admin', login: true, title: '系统管理员' },
  { username: 'supervisor', name: '陈建国', role: 'supervisor', regions: ['慈溪市'], login: true, title: '慈溪市经信局' },
  { username: 'supervisor2', name: '孙丽华', role: 'supervisor', regions: ['掌起镇'], login: true, title: '掌起镇人民政府' },
  { username: 'inspector', name: '王磊', role: 'inspector', regions: ['掌起镇', '观海卫镇'], login: true, title: '掌起镇安全生产网格员' },
  {
    username: 'inspector2',
    name: '李娜',
    role: 'inspector',
    regions: ['浒山街道', '白沙路街道', '古塘街道', '宗汉街道', '坎墩街道'],
    login: true,
    title: '浒山街道安全生产网格员',
  },
  { username: 'operator', name: '赵敏', role: 'operator', parks: ['wanyang-zq'], login: true, title: '万洋（掌起）众创城安全管理员' },
  { username: 'operator2', name: '周强', role: 'operator', parks: ['huadong'], login: true, title: '华东轻纺针织城安全管理员' },
  { username: 'insp-henghe', name: '徐建华', role: 'inspector', regions: ['横河镇', '逍林镇'], login: false, title: '横河镇网格员' },
  {
    username: 'insp-changhe',
    name: '沈志强',
    role: 'inspector',
    regions: ['长河镇', '周巷镇', '崇寿镇'],
    login: false,
    title: '长河镇网格员',
  },
  {
    username: 'insp-shengshan',
    name: '胡海峰',
    role: 'inspector',
    regions: ['胜山镇', '匡堰镇', '龙山镇', '新浦镇', '附海镇', '桥头镇', '慈溪高新区'],
    login: false,
    title: '胜山镇网格员',
  },
];
