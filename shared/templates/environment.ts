/**
 * Default environmental (环保) checklist for the enterprises of a small and micro enterprise park: approvals,
 * hazardous and ordinary solid waste, wastewater, exhaust and noise.
 * Legal bases follow the regulatory facts collected in CHECKLISTS.md; where an article number there is unconfirmed
 * or not given, the law or standard is cited by name only, on purpose.
 * Items marked `major` are illegal disposal or discharge that evades supervision.
 */
import type { TemplatePublish } from '../schemas/admin';

export const ENVIRONMENT_TEMPLATE: TemplatePublish = {
  code: 'ENV',
  category: 'environment',
  title: { zh: '环境保护检查表', en: 'Environmental protection checklist' },
  sections: [
    {
      title: { zh: '环评与排污许可', en: 'Environmental approval and discharge permits' },
      items: [
        {
          code: 'E-01',
          text: {
            zh: '建设项目已办理环境影响评价审批或备案，实际产品、工艺和规模与环评一致',
            en:
              'The project has environmental impact assessment approval or filing, and its actual products, ' +
              'processes and scale match it',
          },
          guidance: {
            zh: '查阅环评批复或登记表，对照现场产品、工艺和设备；未批先建，或擅自增加喷涂、电镀等工序即不合格。',
            en:
              'Compare the EIA approval or registration form with the products, processes and equipment on site; ' +
              'building before approval, or adding spraying, plating or similar processes, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国环境影响评价法》', en: 'Environmental Impact Assessment Law of the PRC' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'E-02',
          text: {
            zh: '依法取得排污许可证或完成排污登记，按许可要求排放污染物',
            en:
              'The enterprise holds a pollutant discharge permit or has completed discharge registration, and ' +
              'discharges as permitted',
          },
          guidance: {
            zh: '在全国排污许可证管理信息平台核对证书或登记回执，查看执行报告和自行监测是否按期完成。',
            en:
              'Check the permit or registration receipt on the national discharge permit platform, and that the ' +
              'compliance reports and self-monitoring are up to date.',
          },
          legalBasis: {
            zh: '《中华人民共和国水污染防治法》第二十一条；《排污许可管理条例》',
            en:
              'Water Pollution Prevention and Control Law of the PRC, Art. 21; Regulations on the Administration of ' +
              'Pollutant Discharge Permits',
          },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'E-03',
          text: {
            zh: '污染防治设施与主体工程同时设计、同时施工、同时投产使用（“三同时”），并已验收',
            en:
              'Pollution control facilities were designed, built and put into use together with the main project ' +
              '("three simultaneities") and have passed acceptance',
          },
          guidance: {
            zh: '查阅竣工环境保护验收报告，对照现场治理设施是否建成；主体已投产而治理设施未建或未验收即不合格。',
            en:
              'Read the completion acceptance report and check the facilities exist on site; production running ' +
              'while control facilities are unbuilt or not accepted is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国环境保护法》；《建设项目环境保护管理条例》',
            en:
              'Environmental Protection Law of the PRC; Regulations on the Administration of Environmental ' +
              'Protection of Construction Projects',
          },
          severity: 'general',
          photoRequired: false,
        },
      ],
    },
    {
      title: { zh: '危险废物', en: 'Hazardous waste' },
      items: [
        {
          code: 'E-04',
          text: {
            zh: '危险废物按种类分类收集、贮存，性质不相容的分开存放',
            en: 'Hazardous waste is collected and stored by type, with incompatible wastes kept apart',
          },
          guidance: {
            zh: '查看废机油、废漆渣、废活性炭、废包装桶等是否分类分区存放；不同种类混装或不相容废物相邻即不合格。',
            en:
              'Check that waste oil, paint sludge, spent activated carbon, empty chemical drums and the like are ' +
              'stored separately by type; mixed containers or incompatible wastes side by side are a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国固体废物污染环境防治法》第八十一条',
            en: 'Solid Waste Pollution Prevention and Control Law of the PRC, Art. 81',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-05',
          text: {
            zh: '危险废物未混入生活垃圾或一般工业固废，未擅自倾倒、堆放、丢弃',
            en:
              'Hazardous waste is not mixed into household or ordinary industrial waste, nor dumped, piled up or ' +
              'thrown away',
          },
          guidance: {
            zh: '查看生活垃圾桶、一般固废堆场和厂区角落；发现废油桶、废漆渣、废活性炭、废切削液等即不合格。',
            en:
              'Look in rubbish bins, ordinary waste heaps and corners of the site; waste oil drums, paint sludge, ' +
              'spent carbon or used cutting fluid found there is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国固体废物污染环境防治法》第八十一条',
            en: 'Solid Waste Pollution Prevention and Control Law of the PRC, Art. 81',
          },
          severity: 'major',
          photoRequired: true,
        },
        {
          code: 'E-06',
          text: {
            zh: '危险废物贮存库（点）防风、防雨、防晒，地面防渗，液态废物有防泄漏托盘或围堰',
            en:
              'The hazardous waste store is protected from wind, rain and sun, has an impermeable floor, and liquid ' +
              'waste stands in drip trays or a bund',
          },
          guidance: {
            zh: '查看贮存设施是否封闭或有顶棚，地面有无裂缝、渗漏痕迹，液态废物下方有无托盘或围堰、导流沟。',
            en:
              'Check the store is enclosed or roofed, the floor has no cracks or seepage marks, and liquid waste ' +
              'stands in trays or a bund with a collection channel.',
          },
          legalBasis: {
            zh: 'GB 18597-2023《危险废物贮存污染控制标准》',
            en: 'GB 18597-2023 Standard for pollution control on hazardous waste storage',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-07',
          text: {
            zh: '贮存设施设置危险废物标志，容器和包装粘贴危险废物标签，信息填写完整',
            en:
              'The store displays hazardous waste signs, and every container or package carries a completed ' +
              'hazardous waste label',
          },
          guidance: {
            zh: '对照HJ 1276-2022查看贮存设施标志和每个容器的标签；标签缺失、破损，或废物名称、代码、产生日期未填即不合格。',
            en:
              'Check the store sign and each container label against HJ 1276-2022; a missing or damaged label, or ' +
              'one without the waste name, code or start date, is a fail.',
          },
          legalBasis: {
            zh: 'HJ 1276-2022《危险废物识别标志设置技术规范》',
            en: 'HJ 1276-2022 Technical specification for setting identification signs of hazardous waste',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-08',
          text: {
            zh: '制定年度危险废物管理计划，并通过信息系统备案申报',
            en: 'An annual hazardous waste management plan has been drawn up and filed through the information system',
          },
          guidance: {
            zh: '在危险废物信息管理系统中查看本年度管理计划是否已备案，所列种类是否与实际产生的一致。',
            en:
              'Check on the hazardous waste information system that the plan for this year is filed and lists the ' +
              'wastes actually produced.',
          },
          legalBasis: {
            zh: '《中华人民共和国固体废物污染环境防治法》第七十八条',
            en: 'Solid Waste Pollution Prevention and Control Law of the PRC, Art. 78',
          },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'E-09',
          text: {
            zh: '建立危险废物管理台账，如实记录产生、贮存、转移情况，保存5年以上',
            en:
              'A hazardous waste log truthfully records generation, storage and transfer, and is kept for at least 5 ' +
              'years',
          },
          guidance: {
            zh: '对照库内实际存量核对台账；出入库记录缺失、账实不符或往年台账未保存即不合格。',
            en:
              'Compare the log with what is in the store; missing entries, a log that does not match the stock, or ' +
              'earlier logs thrown away are a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国固体废物污染环境防治法》第七十八条',
            en: 'Solid Waste Pollution Prevention and Control Law of the PRC, Art. 78',
          },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'E-10',
          text: {
            zh: '危险废物交有资质的单位利用处置并签订合同，转移时执行电子转移联单',
            en:
              'Hazardous waste goes only to licensed handlers under contract, with an electronic transfer manifest ' +
              'for each shipment',
          },
          guidance: {
            zh: '查阅处置合同、接收单位的经营许可证和转移联单，并与台账转移量核对；交给无资质单位或个人即不合格。',
            en:
              'Read the contract, the licence of the receiving company and the manifests, and check them against the ' +
              'log; waste handed to an unlicensed company or individual is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国固体废物污染环境防治法》；《危险废物转移管理办法》',
            en:
              'Solid Waste Pollution Prevention and Control Law of the PRC; Measures for the Administration of ' +
              'Hazardous Waste Transfer',
          },
          severity: 'major',
          photoRequired: false,
        },
      ],
    },
    {
      title: { zh: '一般工业固体废物', en: 'Ordinary industrial solid waste' },
      items: [
        {
          code: 'E-11',
          text: {
            zh: '一般工业固体废物分类贮存，贮存场所采取防扬散、防流失、防渗漏措施',
            en:
              'Ordinary industrial solid waste is stored by type, in places protected against scattering, run-off ' +
              'and seepage',
          },
          guidance: {
            zh: '查看边角料、废包装、污泥等堆放点；露天散堆或被雨水冲刷流失即不合格。',
            en:
              'Look at where offcuts, packaging and sludge are kept; loose heaps in the open, or waste washed away ' +
              'by rain, are a fail.',
          },
          legalBasis: { zh: '《中华人民共和国固体废物污染环境防治法》', en: 'Solid Waste Pollution Prevention and Control Law of the PRC' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-12',
          text: {
            zh: '建立一般工业固体废物台账，每年申报产生种类、数量、流向及贮存、利用、处置情况',
            en:
              'An ordinary industrial solid waste log is kept, and types, amounts, destinations, storage, reuse and ' +
              'disposal are declared every year',
          },
          guidance: {
            zh: '查阅台账和本年度申报记录；没有台账或未申报即不合格。',
            en: 'Read the log and the declaration for this year; no log or no declaration is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国固体废物污染环境防治法》', en: 'Solid Waste Pollution Prevention and Control Law of the PRC' },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'E-13',
          text: {
            zh: '一般工业固体废物有合法稳定的利用处置渠道，委托前核实受托方资格和能力并签订合同',
            en:
              'Ordinary industrial solid waste has a lawful, steady outlet for reuse or disposal; the contractor was ' +
              'vetted and a contract signed',
          },
          guidance: {
            zh: '查阅委托合同和受托方营业执照等资质材料，询问近期固废去向；交给无资质个人或去向不明即不合格。',
            en:
              'Read the contract and the credentials of the contractor and ask where recent loads went; waste given ' +
              'to unqualified individuals, or with no known destination, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国固体废物污染环境防治法》', en: 'Solid Waste Pollution Prevention and Control Law of the PRC' },
          severity: 'general',
          photoRequired: false,
        },
      ],
    },
    {
      title: { zh: '废水', en: 'Wastewater' },
      items: [
        {
          code: 'E-14',
          text: {
            zh: '废水处理设施正常运行，有运行、加药和维护记录，出水达标后排放或纳管',
            en:
              'Wastewater treatment runs normally with operating, dosing and maintenance records, and effluent meets ' +
              'the standard before discharge or entering the sewer',
          },
          guidance: {
            zh: '查看设施是否运行、是否投加药剂，查阅运行记录和近期检测报告；设施闲置或记录造假即不合格。',
            en:
              'Check the plant is running and dosing, and read the operating log and recent test reports; an idle ' +
              'plant or falsified records is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国水污染防治法》', en: 'Water Pollution Prevention and Control Law of the PRC' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-15',
          text: {
            zh: '无私设暗管、渗井、渗坑，未通过雨水管道排放生产废水，雨污分流',
            en:
              'No hidden pipes, soakaways or seepage pits; no process wastewater in the storm drains; rainwater and ' +
              'wastewater are kept separate',
          },
          guidance: {
            zh: '沿车间外墙和雨水井查看，打开雨水井盖观察有无异色、异味水流；发现暗管或偷排即不合格。',
            en:
              'Walk along the workshop walls and lift storm-drain covers; discoloured or smelly flow, or a hidden ' +
              'pipe, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国水污染防治法》', en: 'Water Pollution Prevention and Control Law of the PRC' },
          severity: 'major',
          photoRequired: true,
        },
      ],
    },
    {
      title: { zh: '废气、噪声与环境应急', en: 'Exhaust, noise and environmental emergencies' },
      items: [
        {
          code: 'E-16',
          text: {
            zh: '喷涂、焊接、注塑、印刷等产生废气的工序密闭作业或设集气罩，废气有效收集',
            en:
              'Spraying, welding, moulding, printing and other fume-producing processes are enclosed or hooded, and ' +
              'the fumes are captured',
          },
          guidance: {
            zh: '查看产污工位是否密闭或设集气罩、风机是否开启；车间内异味明显或集气罩远离产污点即不合格。',
            en:
              'Check each fume-producing station is enclosed or hooded with the fan running; a strong smell in the ' +
              'workshop, or hoods far from the source, is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国大气污染防治法》；GB 37822-2019《挥发性有机物无组织排放控制标准》',
            en:
              'Atmospheric Pollution Prevention and Control Law of the PRC; GB 37822-2019 Standard for fugitive ' +
              'emission of volatile organic compounds',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-17',
          text: {
            zh: '废气治理设施正常运行，活性炭等耗材按期更换并有记录',
            en:
              'Exhaust treatment runs normally, and activated carbon and other consumables are replaced on schedule, ' +
              'with records',
          },
          guidance: {
            zh: '查看治理设施运行状态和压差计、电表读数，查阅活性炭更换记录和购买凭证；长期未换或设施未开即不合格。',
            en:
              'Check the unit is running (pressure gauge, power meter) and read the carbon replacement records and ' +
              'receipts; carbon long overdue, or the unit switched off, is a fail.',
          },
          legalBasis: { zh: '《中华人民共和国大气污染防治法》', en: 'Atmospheric Pollution Prevention and Control Law of the PRC' },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-18',
          text: {
            zh: '未擅自拆除、闲置治理设施，未设旁路或以其他方式偷排废气',
            en:
              'Treatment facilities have not been removed or left idle, and there is no bypass or other way of ' +
              'venting exhaust untreated',
          },
          guidance: {
            zh: '顺着风管查看走向，有无绕过治理设施直通室外的旁路或阀门；发现即不合格。',
            en:
              'Trace the ducts for any bypass or valve that sends exhaust outside without treatment; finding one is ' +
              'a fail.',
          },
          legalBasis: { zh: '《中华人民共和国大气污染防治法》', en: 'Atmospheric Pollution Prevention and Control Law of the PRC' },
          severity: 'major',
          photoRequired: true,
        },
        {
          code: 'E-19',
          text: {
            zh: '油漆、稀释剂、胶水等含挥发性有机物的原料密闭储存，用后及时加盖',
            en:
              'Paints, thinners, glues and other VOC-containing materials are kept in closed containers and lidded ' +
              'after use',
          },
          guidance: {
            zh: '查看原料桶、调漆桶是否敞口放置，沾有溶剂的废抹布、废活性炭是否密封存放。',
            en:
              'Look for open drums and uncovered mixing pots, and for solvent-soaked rags or spent carbon that are ' +
              'not sealed.',
          },
          legalBasis: {
            zh: 'GB 37822-2019《挥发性有机物无组织排放控制标准》；《中华人民共和国大气污染防治法》',
            en:
              'GB 37822-2019 Standard for fugitive emission of volatile organic compounds; Atmospheric Pollution ' +
              'Prevention and Control Law of the PRC',
          },
          severity: 'general',
          photoRequired: true,
        },
        {
          code: 'E-20',
          text: {
            zh: '厂界噪声达标，空压机、风机等高噪声设备采取隔声、减振措施',
            en:
              'Noise at the site boundary meets the standard, and compressors, fans and other noisy equipment have ' +
              'sound insulation and vibration damping',
          },
          guidance: {
            zh: '查看高噪声设备有无隔声罩、减振垫，查阅噪声检测报告；周边有投诉或夜间超标即不合格。',
            en:
              'Check noisy equipment for enclosures and anti-vibration mounts, and read the noise test report; ' +
              'complaints from neighbours or night-time exceedance is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国噪声污染防治法》；GB 12348-2008《工业企业厂界环境噪声排放标准》',
            en:
              'Noise Pollution Prevention and Control Law of the PRC; GB 12348-2008 Emission standard for industrial ' +
              'enterprises noise at boundary',
          },
          severity: 'general',
          photoRequired: false,
        },
        {
          code: 'E-21',
          text: {
            zh: '涉危险废物、化学品的企业制定突发环境事件应急预案并备案，配备应急物资',
            en:
              'Enterprises with hazardous waste or chemicals have a filed environmental emergency plan and emergency ' +
              'supplies',
          },
          guidance: {
            zh: '查阅预案和备案回执，查看危废库、化学品库附近的吸附棉、沙袋等应急物资；没有预案或物资缺失即不合格。',
            en:
              'Read the plan and the filing receipt, and look for absorbent pads, sandbags and other supplies near ' +
              'the waste and chemical stores; no plan, or no supplies, is a fail.',
          },
          legalBasis: {
            zh: '《中华人民共和国环境保护法》；《企业事业单位突发环境事件应急预案备案管理办法（试行）》',
            en:
              'Environmental Protection Law of the PRC; Measures for Filing Environmental Emergency Plans of ' +
              'Enterprises and Institutions (Trial)',
          },
          severity: 'general',
          photoRequired: false,
        },
      ],
    },
  ],
};
