/**
 * Default work-safety (安全生产) checklist for park operators and the enterprises of a small and micro
 * enterprise park.
 * Legal bases follow the regulatory facts collected in CHECKLISTS.md; where an article number there is unconfirmed
 * or not given, the law or standard is cited by name only, on purpose.
 * Items marked `major` are major accident hazards under 工贸企业重大事故隐患判定标准 (MEM Order No. 10),
 * plus hazardous-chemical workshops or stores in a building with staff dormitories (Work Safety Law Art. 42).
 */
import type { TemplatePublish } from '../schemas/admin';

export const SAFETY_TEMPLATE: TemplatePublish = {
  code: 'SAFETY',
  category: 'safety',
  title: { zh: '安全生产检查表', en: 'Work safety checklist' },
  sections: [
    {
      title: { zh: '安全管理', en: 'Safety management' },
      items: [
        {
          code: 'S-01',
          text: {
            zh: '园区和企业明确安全管理员；从业人员超过100人的，设安全管理机构或配专职安全管理人员',
            en:
              'The park and each enterprise name a safety officer; with over 100 workers, there is a safety ' +
              'department or a full-time safety officer',
          },
          guidance: {
            zh: '查阅任命文件，询问安全管理员是否清楚自己的职责；未明确人员，或超过100人仅有兼职人员即不合格。',
            en:
              'Ask for the appointment and ask the officer what the job involves; no one named, or only a part-time ' +
              'officer where there are over 100 workers, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国安全生产法》', en: 'Work Safety Law of the PRC' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'S-02',
          text: {
            zh: '建立事故隐患排查治理制度，排查治理情况如实记录，并向从业人员通报',
            en:
              'A hazard check and remediation system is in place; checks and fixes are recorded truthfully and made ' +
              'known to workers',
          },
          guidance: {
            zh: '查阅制度和排查记录，看是否定期排查、整改闭环并公示；重大事故隐患是否已向监管部门和职工（代表）大会报告。',
            en:
              'Read the system and the records: are checks regular, fixes followed through and posted? Have major ' +
              'hazards been reported to the regulator and to the workers congress?',
          },
          legalBasis: { zh: '《中华人民共和国安全生产法》第四十一条', en: 'Work Safety Law of the PRC, Art. 41' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'S-03',
          text: {
            zh: '《小微企业安全生产管理台账》填写完整、及时更新，做到一企一档',
            en: 'The Small and Micro Enterprise Work Safety Ledger is complete and up to date, one file per enterprise',
          },
          guidance: {
            zh: '抽查台账中的责任制、培训、隐患排查、设备检查等栏目；内容空白、长期未更新或与现场不符即不合格。',
            en:
              'Spot-check the ledger sections on responsibilities, training, hazard checks and equipment checks; ' +
              'blank, long-unchanged or inaccurate entries are a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国安全生产法》；当地应急管理部门《小微企业安全生产管理台账》',
            en:
              'Work Safety Law of the PRC; Small and Micro Enterprise Work Safety Ledger (local emergency management ' +
              'bureau)',
          },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'S-04',
          text: {
            zh: '制定生产安全事故应急救援预案，配备应急器材，定期组织演练',
            en:
              'An emergency response plan for work accidents is in place, with emergency equipment and regular drills',
          },
          guidance: {
            zh: '查阅预案、演练记录和应急物资清单；没有预案、从未演练或应急器材缺失即不合格。',
            en:
              'Ask for the plan, the drill records and the list of emergency supplies; no plan, no drill ever, or ' +
              'missing equipment is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国安全生产法》；《生产安全事故应急条例》',
            en: 'Work Safety Law of the PRC; Regulations on Emergency Responses to Work Safety Accidents',
          },
          severity: 'general',
          photoRequired: false,
        },
      ],
    },
    {
      title: { zh: '出租场所与承租企业管理', en: 'Leased premises and tenants' },
      items: [
        {
          code: 'S-05',
          text: {
            zh: '园区（出租方）与每家承租企业签订安全生产管理协议，或在租赁合同中约定各自安全职责',
            en:
              'The park (as landlord) has a work safety agreement with each tenant, or the lease sets out the safety ' +
              'duties of each party',
          },
          guidance: {
            zh: '对照承租企业名单逐家核对；既无专门协议、租赁合同中也未约定安全职责，或协议已过期即不合格。',
            en:
              'Go through the tenant list one by one; no agreement and no safety duties in the lease, or an expired ' +
              'agreement, is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国安全生产法》；《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条',
            en:
              'Work Safety Law of the PRC; Criteria for Determining Major Accident Hazards in Industry and Trade ' +
              'Enterprises (MEM Order No. 10), Art. 3',
          },
          severity: 'major',
          photoRequired: false,
        },
        {
          code: 'S-06',
          text: {
            zh: '园区对承租企业的安全生产统一协调、管理，定期开展安全检查并有记录',
            en:
              'The park coordinates and manages the safety work of its tenants and checks them regularly, with ' +
              'records',
          },
          guidance: {
            zh: '查阅园区对各承租企业的检查记录和隐患整改跟踪情况；从未检查，或发现问题不督促整改即不合格。',
            en:
              'Read the park records of checks on each tenant and how the hazards found were followed up; no checks, ' +
              'or problems found but never chased, is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国安全生产法》；《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条',
            en:
              'Work Safety Law of the PRC; Criteria for Determining Major Accident Hazards in Industry and Trade ' +
              'Enterprises (MEM Order No. 10), Art. 3',
          },
          severity: 'major',
          photoRequired: false,
        },
      ],
    },
    {
      title: { zh: '人员培训与劳动防护', en: 'Training, certificates and protective equipment' },
      items: [
        {
          code: 'S-07',
          text: {
            zh: '从业人员经安全生产教育和培训合格后上岗，新员工有三级安全教育记录',
            en:
              'Workers start only after passing safety training, and new hires have three-level safety induction ' +
              'records',
          },
          guidance: {
            zh: '抽查几名员工的培训档案，现场询问本岗位风险和操作规程；无培训记录或答不上来即不合格。',
            en:
              'Check the training files of a few workers and ask them about the risks and procedures of their job; ' +
              'no records, or no answer, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国安全生产法》', en: 'Work Safety Law of the PRC' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'S-08',
          text: {
            zh: '电工、焊工、高处作业等特种作业人员持有效特种作业操作证上岗',
            en:
              'Electricians, welders, workers at height and other special-operations workers hold valid ' +
              'special-operations certificates',
          },
          guidance: {
            zh: '核对正在作业人员的特种作业操作证，可在应急管理部门网站查询真伪；无证或证件过期上岗即不合格。',
            en:
              'Check the certificate of whoever is doing the work (it can be verified online with the emergency ' +
              'management authority); working without one, or with an expired one, is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国安全生产法》；《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
            en:
              'Work Safety Law of the PRC; Criteria for Determining Major Accident Hazards in Industry and Trade ' +
              'Enterprises (MEM Order No. 10)',
          },
          severity: 'major',
          photoRequired: false,
        },
        {
          code: 'S-09',
          text: {
            zh: '按规定配发劳动防护用品，员工作业时正确佩戴',
            en: 'Protective equipment is issued as required, and workers wear it properly on the job',
          },
          guidance: {
            zh: '查看冲压、打磨、喷涂、焊接等岗位是否佩戴防护眼镜、耳塞、防尘或防毒口罩等，查阅发放记录。',
            en:
              'At punching, grinding, spraying and welding posts, look for goggles, ear plugs and dust or vapour ' +
              'masks in use, and read the issue records.',
          },
          legalBasis: { zh: '《中华人民共和国安全生产法》', en: 'Work Safety Law of the PRC' },
          severity: 'general',
          photoRequired: true,
        },
      ],
    },
    {
      title: { zh: '机械设备与特种设备', en: 'Machinery and special equipment' },
      items: [
        {
          code: 'S-10',
          text: {
            zh: '机械外露运动部件设防护罩，冲床、剪板机的光电保护、急停等安全装置有效',
            en:
              'Exposed moving parts of machines are guarded, and light curtains, emergency stops and other safety ' +
              'devices on presses and shears work',
          },
          guidance: {
            zh: '绕设备查看传动带、齿轮、链条、联轴器的防护罩；用试棒（不可用手）遮挡光幕，滑块应停止或不能启动。防护缺失、被拆除或装置被短接即不合格。',
            en:
              'Walk round each machine and check the guards on belts, gears, chains and couplings; block the light ' +
              'curtain with a test rod (never a hand) and the ram must stop or not start. A missing or removed ' +
              'guard, or a bypassed device, is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国安全生产法》；GB/T 8196-2018《机械安全 防护装置 固定式和活动式防护装置的设计与制造一般要求》',
            en:
              'Work Safety Law of the PRC; GB/T 8196-2018 Safety of machinery - Guards - General requirements for ' +
              'the design and construction of fixed and movable guards',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'S-11',
          text: {
            zh: '锅炉、压力容器、电梯、起重机械、叉车等特种设备已办理使用登记，登记标志置于显著位置',
            en:
              'Boilers, pressure vessels, lifts, cranes, forklifts and other special equipment are registered, with ' +
              'the registration mark on display',
          },
          guidance: {
            zh: '对照设备清单逐台核对使用登记证；投入使用后超过30日未登记，或未张贴登记标志即不合格。',
            en:
              'Check each unit against its registration certificate; not registered within 30 days of first use, or ' +
              'no mark on display, is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国特种设备安全法》；《特种设备安全监察条例》',
            en: 'Special Equipment Safety Law of the PRC; Regulations on Safety Supervision of Special Equipment',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'S-12',
          text: {
            zh: '特种设备在定期检验有效期内，到期前一个月申报检验，不使用未经检验或检验不合格的设备',
            en:
              'Special equipment is within its periodic inspection date, inspection is requested a month before ' +
              'expiry, and no uninspected or failed unit is used',
          },
          guidance: {
            zh: '查看检验合格标志和检验报告上的下次检验日期；超期未检仍在使用即不合格。',
            en:
              'Read the next inspection date on the inspection mark and report; a unit still in use after that date ' +
              'is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国特种设备安全法》第四十条', en: 'Special Equipment Safety Law of the PRC, Art. 40' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'S-13',
          text: {
            zh: '特种设备每月至少自行检查一次并记录，建立设备安全技术档案',
            en:
              'Special equipment is self-inspected at least once a month with records, and a technical safety file ' +
              'is kept for each unit',
          },
          guidance: {
            zh: '查阅月度自检记录、维护保养记录和技术档案；缺月或没有档案即不合格。',
            en:
              'Read the monthly self-inspection and maintenance records and the technical file; missing months or no ' +
              'file is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国特种设备安全法》；《特种设备安全监察条例》',
            en: 'Special Equipment Safety Law of the PRC; Regulations on Safety Supervision of Special Equipment',
          },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'S-14',
          text: {
            zh: '叉车司机、起重机械操作人员等特种设备作业人员持有效证件操作',
            en: 'Forklift drivers, crane operators and other special-equipment operators hold valid certificates',
          },
          guidance: {
            zh: '核对正在驾驶叉车、操作行车人员的特种设备作业人员证；无证操作即不合格。',
            en:
              'Check the certificate of whoever is driving the forklift or running the crane; operating without one ' +
              'is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国特种设备安全法》', en: 'Special Equipment Safety Law of the PRC' },
          severity: 'general',
          photoRequired: false,
        },
      ],
    },
    {
      title: { zh: '危险化学品', en: 'Hazardous chemicals' },
      items: [
        {
          code: 'S-15',
          text: {
            zh: '危险化学品存放在专用仓库或专柜，按类别分开存放，有专人管理',
            en:
              'Hazardous chemicals are kept in a dedicated store or cabinet, separated by class, under a named keeper',
          },
          guidance: {
            zh: '查看油漆、稀释剂、酸碱等的存放点；性质相抵的混放、散放在车间或无人管理即不合格。',
            en:
              'See where paints, thinners, acids and alkalis are kept; incompatible chemicals together, containers ' +
              'loose in the workshop, or no keeper is a fail.',
          },
          legalBasis: { zh: '《危险化学品安全管理条例》', en: 'Regulations on the Safety Management of Hazardous Chemicals' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'S-16',
          text: {
            zh: '建立危险化学品出入库登记台账，剧毒化学品双人收发、双人保管',
            en:
              'An in/out log of hazardous chemicals is kept; highly toxic chemicals are handled and stored under ' +
              'two-person control',
          },
          guidance: {
            zh: '查阅出入库台账并与库存核对；没有台账或账物不符即不合格。',
            en: 'Read the log and check it against the stock; no log, or stock that does not match it, is a fail.',
          },
          legalBasis: { zh: '《危险化学品安全管理条例》', en: 'Regulations on the Safety Management of Hazardous Chemicals' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'S-17',
          text: {
            zh: '危险化学品存放点设安全警示标志，包装容器标签完整，备有安全技术说明书',
            en:
              'Chemical stores carry warning signs, containers are properly labelled, and safety data sheets are at ' +
              'hand',
          },
          guidance: {
            zh: '查看存放点警示标志、分装容器上有无标签，现场能否找到对应的安全技术说明书（SDS）。',
            en:
              'Check the warning signs at the store and the labels on decanted containers, and that the safety data ' +
              'sheet (SDS) for each chemical can be found.',
          },
          legalBasis: { zh: '《危险化学品安全管理条例》', en: 'Regulations on the Safety Management of Hazardous Chemicals' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'S-18',
          text: {
            zh: '生产、储存、使用危险化学品的车间、仓库未与员工宿舍设在同一建筑内',
            en:
              'Workshops and stores that make, keep or use hazardous chemicals are not in the same building as staff ' +
              'dormitories',
          },
          guidance: {
            zh: '查看整栋建筑各楼层的用途；宿舍与涉危险化学品的车间、仓库同楼即不合格。',
            en:
              'Check what each floor of the building is used for; dormitories in the same building as a workshop or ' +
              'store with hazardous chemicals are a fail.',
          },
          legalBasis: { zh: '《中华人民共和国安全生产法》第四十二条', en: 'Work Safety Law of the PRC, Art. 42' },
          severity: 'major',
          photoRequired: true,
        },
      ],
    },
    {
      title: { zh: '粉尘涉爆、有限空间和涉氨制冷', en: 'Combustible dust, confined spaces and ammonia refrigeration' },
      items: [
        {
          code: 'S-19',
          text: {
            zh: '粉尘涉爆场所内未设宿舍、休息室等人员聚集场所，干式除尘系统有泄爆、抑爆等防爆措施',
            en:
              'Combustible-dust areas have no dormitories, rest rooms or other gathering places, and dry dust ' +
              'collectors have explosion venting, suppression or similar protection',
          },
          guidance: {
            zh: '针对铝镁抛光、木材加工等粉尘作业，查看除尘器的泄爆片、隔爆阀，以及作业区内有无休息室、办公室。',
            en:
              'At aluminium or magnesium polishing, woodworking and similar dust work, check the collector for vent ' +
              'panels and isolation valves, and the work area for rest rooms or offices.',
          },
          legalBasis: {
            zh: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
            en: 'Criteria for Determining Major Accident Hazards in Industry and Trade Enterprises (MEM Order No. 10)',
          },
          severity: 'major',
          photoRequired: true,
        },
        {
          code: 'S-20',
          text: {
            zh: '落实粉尘清理制度，作业场所、设备和管道无严重积尘',
            en:
              'The dust-cleaning routine is followed, with no heavy dust build-up in the work area, on equipment or ' +
              'in ducts',
          },
          guidance: {
            zh: '查看地面、设备顶部、梁柱和风管；积尘明显可见或没有清扫记录即不合格。',
            en:
              'Look at floors, machine tops, beams and ducts; visible layers of dust, or no cleaning records, are a ' +
              'fail.',
          },
          legalBasis: {
            zh: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
            en: 'Criteria for Determining Major Accident Hazards in Industry and Trade Enterprises (MEM Order No. 10)',
          },
          severity: 'major',
          photoRequired: true,
        },
        {
          code: 'S-21',
          text: {
            zh: '有限空间已辨识并设警示标志，作业经审批，先通风、再检测、后作业，现场有人监护',
            en:
              'Confined spaces are identified and signed; entry is approved, with ventilation, then gas testing, ' +
              'then work, and an attendant outside',
          },
          guidance: {
            zh: '查看污水池、化粪池、储罐、地坑等处的警示标志和作业审批记录；无标志、无审批或无人监护作业即不合格。',
            en:
              'Check the signs and entry permits at sumps, septic tanks, tanks and pits; no sign, no permit, or ' +
              'entry with no attendant is a fail.',
          },
          legalBasis: {
            zh: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
            en: 'Criteria for Determining Major Accident Hazards in Industry and Trade Enterprises (MEM Order No. 10)',
          },
          severity: 'major',
          photoRequired: true,
        },
        {
          code: 'S-22',
          text: {
            zh: '使用液氨制冷的，包装、分割等人员较多的车间未采用氨直接蒸发制冷，速冻装置设在单独作业间',
            en:
              'Where ammonia refrigeration is used, busy rooms such as packing and cutting are not cooled by direct ' +
              'ammonia evaporation, and quick-freezers are in a room of their own',
          },
          guidance: {
            zh: '查阅制冷工艺图并查看现场管路；氨管路直接进入包装间等人员较多场所，或速冻装置未单独设间且作业人员较多即不合格。',
            en:
              'Check the refrigeration diagram and the pipework on site; ammonia piped straight into packing or ' +
              'other busy rooms, or a quick-freezer sharing a crowded work room, is a fail.',
          },
          legalBasis: {
            zh: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）',
            en: 'Criteria for Determining Major Accident Hazards in Industry and Trade Enterprises (MEM Order No. 10)',
          },
          severity: 'major',
          photoRequired: false,
        },
      ],
    },
  ],
};
