/**
 * Default fire-safety (消防) checklist for the enterprises and common areas of a small and micro enterprise park.
 * Legal bases follow the regulatory facts collected in CHECKLISTS.md; where an article number there is unconfirmed
 * or not given, the law or standard is cited by name only, on purpose.
 * Items marked `major` are those GB 35181 counts toward a major fire hazard.
 */
import type { TemplatePublish } from '../schemas/admin';

export const FIRE_TEMPLATE: TemplatePublish = {
  code: 'FIRE',
  category: 'fire',
  title: { zh: '消防安全检查表', en: 'Fire safety checklist' },
  sections: [
    {
      title: { zh: '安全疏散与消防车通道', en: 'Escape routes, exits and fire-engine access' },
      items: [
        {
          code: 'F-01',
          text: {
            zh: '疏散通道、安全出口畅通，未被占用、堵塞或锁闭',
            en: 'Escape routes and safety exits are clear: not occupied, blocked or locked',
          },
          guidance: {
            zh: '在生产和住宿时段逐一推开安全出口门，走一遍疏散通道；任一出口上锁、焊死或被货物堵住即不合格。',
            en:
              'During working and sleeping hours, push open every exit door and walk the escape routes; any exit ' +
              'locked, welded shut or blocked by goods is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（四）项、第二十八条；《中华人民共和国安全生产法》第四十二条；GB 35181-2025《重大火灾隐患判定规则》',
            en:
              'Fire Protection Law of the PRC, Art. 16(1)(4), Art. 28; Work Safety Law of the PRC, Art. 42; ' +
              'GB 35181-2025 Rules for determination of major fire hazards',
          },
          severity: 'major',
          photoRequired: true,
          dueDays: 1,
        },
        {
          code: 'F-02',
          text: {
            zh: '消防车通道、消防车登高操作场地畅通，未被占用、堵塞或设置障碍物',
            en: 'Fire-engine access roads and aerial-ladder hardstands are clear: not occupied, blocked or barred',
          },
          guidance: {
            zh: '沿园区消防车通道走一遍，停放车辆、堆放货物、搭建棚屋或设置固定隔离桩、地锁挡住通道即不合格。',
            en:
              'Walk the fire-engine route through the park; parked vehicles, stacked goods, sheds, fixed bollards or ' +
              'parking locks in the way are a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（四）项、第二十八条；GB 35181-2025《重大火灾隐患判定规则》',
            en:
              'Fire Protection Law of the PRC, Art. 16(1)(4), Art. 28; GB 35181-2025 Rules for determination of ' +
              'major fire hazards',
          },
          severity: 'major',
          photoRequired: true,
          dueDays: 1,
        },
        {
          code: 'F-03',
          text: {
            zh: '外窗未设置影响逃生和灭火救援的固定防盗网、铁栅栏或广告牌',
            en: 'No fixed grilles, bars or billboards on windows that would hinder escape or firefighting',
          },
          guidance: {
            zh: '重点看宿舍、办公室和车间二层以上的外窗；防盗网不能从内部开启，或窗户被广告牌封堵即不合格。',
            en:
              'Check the windows of dormitories, offices and upper-floor workshops; grilles that cannot be opened ' +
              'from inside, or windows covered by signboards, are a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第二十八条；GB 35181-2025《重大火灾隐患判定规则》',
            en: 'Fire Protection Law of the PRC, Art. 28; GB 35181-2025 Rules for determination of major fire hazards',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'F-04',
          text: {
            zh: '疏散指示标志、安全出口标志齐全，指向正确，保持完好',
            en: 'Exit signs and escape-direction signs are all in place, point the right way and work',
          },
          guidance: {
            zh: '沿疏散路线查看，标志缺失、损坏、不亮、被货物遮挡或指向错误即不合格。',
            en:
              'Follow the escape route: a sign that is missing, broken, unlit, hidden by goods or points the wrong ' +
              'way is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（二）项；GB 35181-2025《重大火灾隐患判定规则》',
            en:
              'Fire Protection Law of the PRC, Art. 16(1)(2); GB 35181-2025 Rules for determination of major fire ' +
              'hazards',
          },
          severity: 'general',
          photoRequired: true,
          dueDays: 3,
        },
        {
          code: 'F-05',
          text: {
            zh: '应急照明灯具完好，切断正常照明电源后能正常点亮',
            en: 'Emergency lights are in good order and come on when the normal lighting supply is cut',
          },
          guidance: {
            zh: '按下应急灯的试验按钮或断开照明电源试验，灯不亮、亮度明显不足或已被拆除即不合格。',
            en:
              'Press the test button on each light or cut the lighting circuit; a light that does not come on, is ' +
              'clearly too dim or has been removed is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（二）项；GB 35181-2025《重大火灾隐患判定规则》',
            en:
              'Fire Protection Law of the PRC, Art. 16(1)(2); GB 35181-2025 Rules for determination of major fire ' +
              'hazards',
          },
          severity: 'general',
          photoRequired: true,
          dueDays: 3,
        },
        {
          code: 'F-06',
          text: {
            zh: '常闭式防火门保持关闭、闭门器完好，防火卷帘下方未堆放物品',
            en: 'Normally closed fire doors are kept shut with working closers, and nothing stands under fire shutters',
          },
          guidance: {
            zh: '查看防火门是否被木楔、货物撑开，闭门器是否缺损，卷帘下方有无货物挡住其落下。',
            en:
              'Look for fire doors wedged or propped open, missing or broken closers, and goods under shutters that ' +
              'would stop them coming down.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（四）项；GB 35181-2025《重大火灾隐患判定规则》',
            en:
              'Fire Protection Law of the PRC, Art. 16(1)(4); GB 35181-2025 Rules for determination of major fire ' +
              'hazards',
          },
          severity: 'general',
          photoRequired: true,
        },
      ],
    },
    {
      title: { zh: '消防设施和器材', en: 'Fire equipment and building fire systems' },
      items: [
        {
          code: 'F-07',
          text: {
            zh: '灭火器类型、数量符合要求，压力正常、在有效期内，放在明显、便于取用的位置',
            en: 'Fire extinguishers are of the right type and number, pressurised, in date, and easy to see and reach',
          },
          guidance: {
            zh: '看压力表指针是否在绿区、维修标签是否过期，是否被货物遮挡或锁在柜内；缺配、失效或取用不便即不合格。',
            en:
              'Check the gauge is in the green and the service tag in date, and that none is hidden by goods or ' +
              'locked away; missing, failed or hard-to-reach extinguishers are a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（二）项、第二十八条',
            en: 'Fire Protection Law of the PRC, Art. 16(1)(2), Art. 28',
          },
          severity: 'general',
          photoRequired: true,
          dueDays: 3,
        },
        {
          code: 'F-08',
          text: {
            zh: '室内外消火栓水带、水枪齐全，有水有压，未被遮挡、圈占或埋压',
            en:
              'Indoor and outdoor hydrants have hoses and nozzles and water at pressure, and are not hidden, fenced ' +
              'in or buried',
          },
          guidance: {
            zh: '打开消火栓箱查看水带、水枪，必要时开阀试水；箱门被货物挡住、器材缺失或无水即不合格。',
            en:
              'Open the cabinet to check the hose and nozzle, and open the valve if in doubt; a cabinet blocked by ' +
              'goods, missing kit or no water is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（二）项、第二十八条',
            en: 'Fire Protection Law of the PRC, Art. 16(1)(2), Art. 28',
          },
          severity: 'general',
          photoRequired: true,
          dueDays: 3,
        },
        {
          code: 'F-09',
          text: {
            zh: '火灾自动报警、自动喷水灭火等建筑消防设施每年至少全面检测一次，检测记录存档',
            en:
              'Fire alarm, sprinkler and other building fire systems are fully tested at least once a year, with the ' +
              'test records on file',
          },
          guidance: {
            zh: '查阅最近一次消防设施检测报告和维保记录；超过一年未检测或没有记录即不合格。',
            en:
              'Ask for the latest fire-system test report and maintenance records; more than a year since the last ' +
              'test, or no records, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国消防法》第十六条第一款第（三）项', en: 'Fire Protection Law of the PRC, Art. 16(1)(3)' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'F-10',
          text: {
            zh: '火灾自动报警、自动喷水灭火等系统正常运行，未被擅自关闭或停用',
            en:
              'Fire alarm, sprinkler and other fire systems are running normally and have not been switched off or ' +
              'disabled',
          },
          guidance: {
            zh: '查看报警控制器有无故障、屏蔽或断电，喷淋系统阀门是否开启、压力表读数是否正常。',
            en:
              'Check the alarm panel for faults, isolated zones or cut power, and that sprinkler valves are open and ' +
              'gauges read normal pressure.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（二）项、第二十八条；GB 35181-2025《重大火灾隐患判定规则》',
            en:
              'Fire Protection Law of the PRC, Art. 16(1)(2), Art. 28; GB 35181-2025 Rules for determination of ' +
              'major fire hazards',
          },
          severity: 'major',
          photoRequired: true,
        },
      ],
    },
    {
      title: { zh: '“三合一”、用电和用火', en: 'Living quarters, electricity and open flames' },
      items: [
        {
          code: 'F-11',
          text: {
            zh: '生产、储存场所内不住人，员工宿舍未设在生产、仓储建筑内（无“三合一”）',
            en:
              'Nobody lives in production or storage areas, and no staff dormitory is inside a production or storage ' +
              'building (no "three-in-one" premises)',
          },
          guidance: {
            zh: '查看车间、仓库及其夹层、阁楼有无床铺和生活用品；住人场所与生产、储存易燃易爆物品在同一建筑内即不合格。',
            en:
              'Look for beds and personal belongings in workshops, stores, mezzanines and lofts; people living in ' +
              'the same building where flammable or explosive goods are made or stored is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十九条；《中华人民共和国安全生产法》第四十二条；GB 35181-2025《重大火灾隐患判定规则》',
            en:
              'Fire Protection Law of the PRC, Art. 19; Work Safety Law of the PRC, Art. 42; GB 35181-2025 Rules for ' +
              'determination of major fire hazards',
          },
          severity: 'major',
          photoRequired: true,
        },
        {
          code: 'F-12',
          text: {
            zh: '宿舍、办公等人员场所未用可燃芯材的彩钢夹芯板搭建',
            en: 'Dormitories, offices and other occupied rooms are not built of sandwich panels with combustible cores',
          },
          guidance: {
            zh: '查看屋顶和车间内搭建的宿舍、办公室，从板材断面或接缝处看芯材；芯材为聚苯乙烯、聚氨酯等泡沫塑料即不合格。',
            en:
              'At rooftop or in-workshop dormitories and offices, look at the panel edges or joints; a polystyrene ' +
              'or polyurethane foam core is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》；GB 35181-2025《重大火灾隐患判定规则》',
            en: 'Fire Protection Law of the PRC; GB 35181-2025 Rules for determination of major fire hazards',
          },
          severity: 'major',
          photoRequired: true,
        },
        {
          code: 'F-13',
          text: {
            zh: '电气线路穿管或线槽保护，无私拉乱接、老化破损电线，插线板未串接使用',
            en:
              'Wiring runs in conduit or trunking; no improvised or damaged wiring, and no daisy-chained power strips',
          },
          guidance: {
            zh: '查看车间、仓库、宿舍的线路和插座；有临时拖线、裸露接头、绝缘层破损或插线板串联即不合格。',
            en:
              'Check the wiring and sockets in workshops, stores and dormitories; trailing temporary leads, bare ' +
              'joints, damaged insulation or power strips plugged into each other are a fail.',
          },
          legalBasis: { zh: '《中华人民共和国消防法》', en: 'Fire Protection Law of the PRC' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'F-14',
          text: {
            zh: '配电箱柜前无堆物、箱门完好，照明灯具和大功率电器与可燃物保持安全距离',
            en:
              'Distribution boards are unobstructed with doors intact; lamps and high-power appliances are kept ' +
              'clear of combustibles',
          },
          guidance: {
            zh: '查看配电箱前有无货物堆放、箱内有无积尘和私接线；高温灯具、电热设备贴近纸箱、布料等可燃物即不合格。',
            en:
              'Look for goods stacked in front of boards, dust or added connections inside them, and hot lamps or ' +
              'heaters close to cartons, cloth or other combustibles.',
          },
          legalBasis: { zh: '《中华人民共和国消防法》', en: 'Fire Protection Law of the PRC' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'F-15',
          text: {
            zh: '电焊、气割等动火作业事先审批，焊工持证，现场有人监护并配灭火器材',
            en:
              'Welding, cutting and other hot work is approved in advance and done by certified welders, with a fire ' +
              'watch and extinguishers on site',
          },
          guidance: {
            zh: '查阅动火审批单和焊工证；无审批动火、无人监护，或周边可燃物未清理即不合格。',
            en:
              'Ask for the hot-work permit and the welder certificate; hot work without a permit or fire watch, or ' +
              'with combustibles not cleared away, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国消防法》', en: 'Fire Protection Law of the PRC' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'F-16',
          text: {
            zh: '车间、仓库内无吸烟、违规使用明火和电炉等电热器具',
            en: 'No smoking, open flames, hotplates or other electric heaters in workshops and stores',
          },
          guidance: {
            zh: '查看有无烟头、打火机、电炉、热得快、取暖器等；在可燃物集中的场所发现即不合格，应当场整改。',
            en:
              'Look for cigarette ends, lighters, hotplates, immersion heaters and space heaters; any found where ' +
              'combustibles are kept is a fail, to be put right on the spot.',
          },
          legalBasis: { zh: '《中华人民共和国消防法》', en: 'Fire Protection Law of the PRC' },
          severity: 'general',
          photoRequired: true,
          dueDays: 1,
        },
      ],
    },
    {
      title: { zh: '电动自行车停放充电', en: 'Electric bicycles: parking and charging' },
      items: [
        {
          code: 'F-17',
          text: {
            zh: '电动自行车及电池未在楼梯间、疏散通道、安全出口停放充电，未带入宿舍、车间充电',
            en:
              'E-bikes and their batteries are not parked or charged in stairwells, escape routes or exits, nor ' +
              'taken into dormitories or workshops to charge',
          },
          guidance: {
            zh: '重点查看楼梯间、走道、宿舍和车间角落；发现停放或充电即不合格，应当场移出。',
            en:
              'Check stairwells, corridors, dormitories and workshop corners; any e-bike or battery parked or ' +
              'charging there is a fail and must be moved out at once.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第二十八条；浙江省及当地电动自行车停放充电消防安全管理规定',
            en:
              'Fire Protection Law of the PRC, Art. 28; Zhejiang and local fire-safety rules on e-bike parking and ' +
              'charging',
          },
          severity: 'general',
          photoRequired: true,
          dueDays: 1,
        },
        {
          code: 'F-18',
          text: {
            zh: '设有室外集中停放充电场所，与建筑保持间距，配备灭火器材，周边无可燃物',
            en:
              'There is a central outdoor parking and charging area, set apart from buildings, with extinguishers ' +
              'and nothing combustible nearby',
          },
          guidance: {
            zh: '查看园区有无集中充电棚，是否紧贴厂房外墙或窗口，周边有无纸箱杂物，是否配有灭火器。',
            en:
              'Check the park has a charging shelter, that it does not adjoin a building wall or window, that no ' +
              'cartons or rubbish lie around it, and that extinguishers are provided.',
          },
          legalBasis: {
            zh: '浙江省及当地电动自行车停放充电消防安全管理规定',
            en: 'Zhejiang and local fire-safety rules on e-bike parking and charging',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'F-19',
          text: {
            zh: '充电设施具有定时断电和过载、短路、漏电保护功能，无私拉电线、飞线充电',
            en:
              'Chargers have a timed cut-off and overload, short-circuit and earth-leakage protection; no improvised ' +
              'wiring or cables strung out to charge',
          },
          guidance: {
            zh: '查看充电桩铭牌或设置，按漏电保护开关试验按钮；用插线板拖线或从窗口拉线充电即不合格。',
            en:
              'Check the charger nameplate or settings and press the test button on the leakage breaker; charging ' +
              'from trailing power strips or cables run from windows is a fail.',
          },
          legalBasis: {
            zh: '浙江省及当地电动自行车停放充电消防安全管理规定',
            en: 'Zhejiang and local fire-safety rules on e-bike parking and charging',
          },
          severity: 'general',
          photoRequired: true,
        },
      ],
    },
    {
      title: { zh: '消防安全管理', en: 'Fire safety management' },
      items: [
        {
          code: 'F-20',
          text: {
            zh: '明确消防安全责任人、管理人，制定消防安全制度和灭火、应急疏散预案',
            en:
              'A person responsible and a manager for fire safety are named, and fire rules and a firefighting and ' +
              'evacuation plan are in place',
          },
          guidance: {
            zh: '查阅任命文件、制度和预案；没有预案，或预案与现场布局、人员不符即不合格。',
            en:
              'Ask for the appointments, the rules and the plan; no plan, or a plan that does not match the current ' +
              'layout and staff, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国消防法》第十六条第一款第（一）项', en: 'Fire Protection Law of the PRC, Art. 16(1)(1)' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'F-21',
          text: {
            zh: '定期开展防火巡查、检查并记录，发现的火灾隐患及时消除',
            en: 'Fire patrols and checks are done regularly and recorded, and the hazards found are removed promptly',
          },
          guidance: {
            zh: '查阅防火巡查、检查记录，看频次是否落实、发现的问题是否整改到位；无记录或记录流于形式即不合格。',
            en:
              'Read the patrol and check records: are they as frequent as planned, and was each problem fixed? No ' +
              'records, or records filled in for show, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国消防法》第十六条第一款第（五）项', en: 'Fire Protection Law of the PRC, Art. 16(1)(5)' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'F-22',
          text: {
            zh: '定期组织消防演练，员工会报警、会使用灭火器、会疏散逃生',
            en:
              'Fire drills are held regularly, and staff know how to raise the alarm, use an extinguisher and get out',
          },
          guidance: {
            zh: '查阅演练记录和照片（消防安全重点单位至少每半年一次，其他单位至少每年一次），随机抽问员工灭火器用法和逃生路线。',
            en:
              'Read the drill records and photos (at least every six months for key fire-safety units, yearly for ' +
              'others) and ask a few workers at random to show how to use an extinguisher and where to escape.',
          },
          legalBasis: {
            zh: '《中华人民共和国消防法》第十六条第一款第（六）项；《机关、团体、企业、事业单位消防安全管理规定》',
            en:
              'Fire Protection Law of the PRC, Art. 16(1)(6); Provisions on Fire Safety Management of Government ' +
              'Agencies, Organisations, Enterprises and Institutions',
          },
          severity: 'general',
          photoRequired: false,
        },
      ],
    },
  ],
};
