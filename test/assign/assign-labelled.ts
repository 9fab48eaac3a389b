/**
 * Opinions about 上海市养犬管理条例 written the way residents write them, without article numbers,
 * each with the article a staff member would file it under ('unassigned' for off-topic ones).
 * Used to choose DEFAULT_ASSIGN_THRESHOLD and to guard it.
 */
export const LABELLED_OPINIONS: readonly (readonly [opinion: string, expected: string])[] = [
  ['遛狗不拴绳的现象太普遍了，建议明确牵引带的长度，拥挤的地方必须收紧牵引绳。', '22'],
  ['狗在电梯里吓到小孩，应规定乘坐电梯时避开上下班高峰，主动避让其他居民。', '22'],
  ['很多人遛狗不清理狗屎，粪便到处都是，应当要求养犬人随身携带工具即时清除粪便。', '22'],
  ['大型犬外出一定要戴嘴套，否则容易咬人。', '22'],
  ['建议增加狂犬病免疫接种点的数量，方便市民就近给狗打疫苗，目前免疫点太少。', '10'],
  ['办理养犬登记手续太繁琐，要跑好几次派出所，建议在网上申请办理登记和年检。', '14'],
  ['一户只能养一条狗的限制太严格了，建议城市化地区每户限养两条。', '12'],
  ['烈性犬的品种目录应当尽快向社会公布，由公安部门会同行业协会确定。', '58'],
  ['狗叫声太吵，半夜犬吠影响休息，养犬人要采取措施制止。', '24'],
  ['犬只咬伤人之后，养犬人必须马上把伤者送医院并先垫付医疗费，建议强制投保犬只责任保险。', '25'],
  ['不要养了就随便遗弃，放弃饲养的犬只应当送交收容所或者他人饲养。', '27'],
  ['狗死了以后随便扔在垃圾桶里很不卫生，应当把尸体送去无害化处理场所。', '29'],
  ['流浪狗越来越多，收容所应该多设几个，收容走失和流浪的狗。', '32'],
  ['走失的狗被收容后，通知主人认领的期限太短了，建议延长认领时间。', '33'],
  ['收容的狗三十日内没人领养就处理掉太残忍，应当延长领养期限，鼓励市民领养。', '35'],
  ['宠物店、狗狗美容店经常狗叫扰民，还乱倒污水，应加强对寄养、美容经营者的管理。', '39'],
  ['卖狗的商家应当办理营业执照和检疫证明，不能随便在路边销售犬只。', '38'],
  ['狗展、犬只表演比赛之类的大型活动要提前报备，保证安全。', '40'],
  ['禁止带狗进入的场所应当增加公园和菜市场，商场和餐馆也要设置明显的禁入标识。', '23'],
  ['出租车司机有权拒绝带狗的乘客，这一点很好，携带犬只乘坐出租车要征得驾驶员同意。', '23'],
  ['管理服务费的收费标准应当公开，收取和使用情况要定期向社会公布。', '20'],
  ['养狗登记证丢了补办很麻烦，建议犬牌遗失可以直接在网上申请补发。', '18'],
  ['搬家以后要去新住址所在的公安部门办变更手续，建议延长变更期限。', '16'],
  ['建议业主委员会可以通过业主大会制定小区养犬公约，约定养犬的具体规则。', '30'],
  ['单位养狗必须有犬笼犬舍和围墙，还要有专人看管，这个条件合理。', '13'],
  ['狗发现疑似狂犬病的要立即隔离，并且报告兽医主管部门。', '28'],
  ['管理部门的工作人员滥用职权、玩忽职守的，要严肃追究责任。', '56'],
  ['幼犬生了以后超过限养数量的，三个月内要送走，这个很难执行。', '26'],
  ['对不办理养犬登记、不年检的人，罚款力度要加大。', '42'],
  ['小区停车位太少，晚上停车很难，希望增加停车位。', 'unassigned'],
  ['建议加强食品安全监管，整治路边摊。', 'unassigned'],
  ['公交车班次太少，等车时间太长。', 'unassigned'],
];

/** Precision and recall of predicted keys against the labels. */
export function precisionRecall(
  predicted: readonly string[],
  labels: readonly string[],
): { precision: number; recall: number; assigned: number; correct: number } {
  let assigned = 0;
  let correct = 0;
  predicted.forEach((key, i) => {
    if (key === 'unassigned') return;
    assigned += 1;
    if (key === labels[i]) correct += 1;
  });
  const relevant = labels.filter((label) => label !== 'unassigned').length;
  return { precision: assigned === 0 ? 1 : correct / assigned, recall: correct / relevant, assigned, correct };
}
