/**
 * Cixi (慈溪市, Ningbo) as the seeds describe it: towns and streets, the 15
 * province-recognised parks (1,983.9 亩, 194.77 万㎡, 2 three-star and 6 one-
 * or two-star, seed 001) and the 8 under construction (seed 000). Names are
 * from the seeds; where the seeds name fewer built parks than 15, the rest are
 * plausible parks of towns the seeds mention. Areas and enterprise counts are
 * plausible splits of the seeds' totals (万洋(掌起)众创城: 105 亩, 23 万㎡, seed 004).
 */

export const CITY = { name: '宁波市', child: '慈溪市', division: '330282' } as const;

export const TOWNS = [
  '浒山街道',
  '白沙路街道',
  '古塘街道',
  '宗汉街道',
  '坎墩街道',
  '观海卫镇',
  '附海镇',
  '桥头镇',
  '匡堰镇',
  '逍林镇',
  '新浦镇',
  '胜山镇',
  '横河镇',
  '崇寿镇',
  '周巷镇',
  '长河镇',
  '龙山镇',
  '掌起镇',
  '慈溪高新区',
] as const;
export type Town = (typeof TOWNS)[number];

export type Trade =
  | 'knitting'
  | 'smart'
  | 'hardware'
  | 'bearing'
  | 'creative'
  | 'appliance'
  | 'electrical'
  | 'rubber'
  | 'machinery'
  | 'textile'
  | 'food';

export interface DemoPark {
  key: string;
  name: string;
  town: Town;
  stars: number;
  areaMu: number;
  /** m² */
  floorArea: number;
  enterprises: number;
  trades: Trade[];
  address: string;
}

export const BUILT_PARKS: DemoPark[] = [
  { key: 'huadong', name: '华东轻纺针织城', town: '浒山街道', stars: 3, areaMu: 300, floorArea: 262_000, enterprises: 150, trades: ['knitting', 'textile'], address: '慈溪市浒山街道北二环东路' },
  { key: 'cixing', name: '环杭州湾（慈星）智能产业园', town: '掌起镇', stars: 3, areaMu: 215, floorArea: 210_000, enterprises: 90, trades: ['smart', 'machinery'], address: '慈溪市掌起镇任佳溪村' },
  { key: 'wanyang-zq', name: '万洋（掌起）众创城', town: '掌起镇', stars: 2, areaMu: 105, floorArea: 230_000, enterprises: 95, trades: ['hardware', 'appliance', 'electrical'], address: '慈溪市掌起镇厉家村' },
  { key: 'shangjian', name: '横河镇上剑山工业园', town: '横河镇', stars: 2, areaMu: 190, floorArea: 121_000, enterprises: 80, trades: ['bearing', 'hardware'], address: '慈溪市横河镇上剑山村' },
  { key: 'fenggu', name: '智巢慈溪丰谷文化创意产业园', town: '白沙路街道', stars: 2, areaMu: 45, floorArea: 65_000, enterprises: 35, trades: ['creative'], address: '慈溪市白沙路街道新城大道北路' },
  { key: 'zhichao', name: '智巢慈溪文化创意园', town: '古塘街道', stars: 1, areaMu: 38, floorArea: 52_000, enterprises: 30, trades: ['creative'], address: '慈溪市古塘街道三北大街' },
  { key: 'tianqiao', name: '慈溪天桥小微企业园', town: '坎墩街道', stars: 1, areaMu: 120, floorArea: 110_000, enterprises: 60, trades: ['appliance', 'electrical'], address: '慈溪市坎墩街道天桥路' },
  { key: 'shanglin', name: '上林英才（逍林）小微企业园', town: '逍林镇', stars: 1, areaMu: 135, floorArea: 128_000, enterprises: 65, trades: ['electrical', 'hardware'], address: '慈溪市逍林镇林东路' },
  { key: 'changhe', name: '长河镇橡胶小微企业园', town: '长河镇', stars: 0, areaMu: 160, floorArea: 130_000, enterprises: 72, trades: ['rubber'], address: '慈溪市长河镇工业园区' },
  { key: 'guoneng', name: '国能置信创新园', town: '宗汉街道', stars: 0, areaMu: 140, floorArea: 145_000, enterprises: 70, trades: ['machinery', 'electrical'], address: '慈溪市宗汉街道新华路' },
  { key: 'chongshou', name: '崇寿小微工业创新综合体', town: '崇寿镇', stars: 0, areaMu: 125, floorArea: 120_000, enterprises: 60, trades: ['textile', 'hardware'], address: '慈溪市崇寿镇工业路' },
  { key: 'dehao', name: '德濠（观海卫）产业园', town: '观海卫镇', stars: 0, areaMu: 118, floorArea: 105_000, enterprises: 55, trades: ['appliance', 'machinery'], address: '慈溪市观海卫镇卫山路' },
  { key: 'zhouxiang', name: '周巷镇小家电小微企业园', town: '周巷镇', stars: 0, areaMu: 112, floorArea: 98_000, enterprises: 58, trades: ['appliance'], address: '慈溪市周巷镇环城北路' },
  { key: 'shengshan', name: '胜山镇五金小微企业园', town: '胜山镇', stars: 0, areaMu: 95, floorArea: 86_700, enterprises: 45, trades: ['hardware'], address: '慈溪市胜山镇胜陆路' },
  { key: 'kuangyan', name: '匡堰镇小微企业园', town: '匡堰镇', stars: 0, areaMu: 85.9, floorArea: 85_000, enterprises: 35, trades: ['food', 'hardware'], address: '慈溪市匡堰镇樟新南路' },
];

export const BUILDING_PARKS: Omit<DemoPark, 'enterprises' | 'trades' | 'stars'>[] = [
  { key: 'longshan', name: '龙山置信智造谷', town: '龙山镇', areaMu: 180, floorArea: 280_000, address: '慈溪市龙山镇' },
  { key: 'xinpu', name: '新浦小微企业创业创新园', town: '新浦镇', areaMu: 130, floorArea: 190_000, address: '慈溪市新浦镇' },
  { key: 'wanyang-hh', name: '横河万洋众创城', town: '横河镇', areaMu: 170, floorArea: 260_000, address: '慈溪市横河镇' },
  { key: 'wanyang-zx', name: '周巷万洋众创城', town: '周巷镇', areaMu: 175, floorArea: 270_000, address: '慈溪市周巷镇' },
  { key: 'jiankang', name: '宁波健康智谷产业园', town: '慈溪高新区', areaMu: 160, floorArea: 250_000, address: '慈溪市高新技术产业开发区' },
  { key: 'guoneng-ghw', name: '观海卫国能置信智造谷', town: '观海卫镇', areaMu: 150, floorArea: 240_000, address: '慈溪市观海卫镇' },
  { key: 'qingkong', name: '清控科创创新基地', town: '慈溪高新区', areaMu: 116.6, floorArea: 200_000, address: '慈溪市高新技术产业开发区' },
  { key: 'buliao', name: '慈溪市轻纺布料城', town: '浒山街道', areaMu: 150, floorArea: 240_000, address: '慈溪市浒山街道' },
];

/** Words for enterprise names by trade: 慈溪市 + brand + trade word + 有限公司. */
export const TRADE_WORDS: Record<Trade, string[]> = {
  knitting: ['针织', '服饰', '毛衫', '纺织品', '织造'],
  smart: ['智能科技', '自动化设备', '机器人', '电子科技', '智能装备'],
  hardware: ['五金', '模具', '精密机械', '金属制品', '紧固件'],
  bearing: ['轴承', '精密轴承', '滚动体', '传动件'],
  creative: ['文化创意', '设计', '电子商务', '印务', '广告'],
  appliance: ['电器', '小家电', '厨具', '家用电器', '取暖器'],
  electrical: ['电器配件', '线缆', '开关', '照明电器', '电机'],
  rubber: ['橡胶制品', '密封件', '橡塑', '胶管'],
  machinery: ['机械', '液压', '汽配', '动力设备', '数控设备'],
  textile: ['化纤', '纺织', '无纺布', '纱线'],
  food: ['食品', '包装', '塑料包装', '纸品'],
};

export const BRAND_SYLLABLES = [...'华鑫盛达宏恒丰泰源永昌利金瑞祥兴宇晨博嘉隆凯创新远腾海联乐安欣佳辉宝东明光正德天舜卓越顺裕杰豪美力和'];
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范'];
export const GIVEN_NAMES = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红燕玲斌波辉宁浩海峰亮晶慧'];
