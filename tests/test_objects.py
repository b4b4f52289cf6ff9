"""Objects (guide §3 `object`) and change (guide §3, §5) on sentences written in the shape of real reports.

The sentences are our own, not fixture text: each row shows a rule (a verb or adverb ends the noun, a cut
never falls inside a word, X的Y, X占/比/从Y) on wording the rules were not tuned on.
"""

from __future__ import annotations

import pytest

from dangjian_extract import extract


def _metric(text: str, metric_text: str):
    (metric,) = [m for m in extract(text).metrics if m.text == metric_text]
    return metric


@pytest.mark.parametrize(
    ("text", "metric_text", "obj"),
    [
        # a verb that builds a noun with 面积 stays in it (种植面积, 加固面积)
        ("西岭村早稻种植面积达400亩。", "400亩", "早稻种植面积"),
        # a figure a change starts from (从/由 … 增加到) is measured by the noun before 从, not by what follows
        ("西岭村早稻种植面积从300亩增加到如今的近700亩。", "300亩", "早稻种植面积"),
        ("每吨熟料平均耗电从95度降低到88度。", "95度", "每吨熟料平均耗电"),
        ("工业固废综合利用率由“十三五”末的不足50%提高到78%。", "50%", "工业固废综合利用率"),
        # a verb between the noun and the number is no part of the noun (包括, 拿到 end it)
        ("梳理上交清单包括106项。", "106项", "上交清单"),
        ("合作社顺利拿到首笔400万元。", "400万元", "首笔"),
        ("当地政府还给予了果农每斤0.6元的销售补贴。", "0.6元", "果农"),  # not 予了果农, a word cut in two
        # a title written after the measure word is the noun counted (全国劳模, 从业人员: not cut at 全国, 从)
        ("白马镇又出了2名全国劳模、3名市级劳模。", "2名", "全国劳模"),
        ("全镇有3000多家经营主体、1万余名从业人员。", "1万余名", "从业人员"),
        # an age written between the count and its noun is no part of it
        ("东岭村有800多棵100年以上的老樟树。", "800多棵", "老樟树"),
        ("社区有150名60岁以上的老人。", "150名", "老人"),
        # an adverb or idiom after the noun ends it; 扩大/跃升 before the number are verbs
        ("前不久，丰城小区36部电梯刚刚完成体检。", "36部", "电梯"),
        ("全县80多家加工企业星罗棋布，综合产值超50亿元。", "80多家", "加工企业"),
        ("合作社安排8台大型联合收割机同时作业。", "8台", "大型联合收割机"),
        ("全县茶园面积扩大至1.5万亩。", "1.5万亩", "茶园面积"),
        ("自主研发的诊断平台准确率跃升至85%。", "85%", "准确率"),
        # where the counted go (手中), a distributive (每村) or a manner (全天候) ends the noun; 但是, 我们 open none
        ("200万元收益分到3000名村民手中。", "3000名", "村民"),
        ("为8个村每村发放10万元分红奖励。", "8个", "村"),
        ("选聘500名小区红管家全天候响应居民需求。", "500名", "小区红管家"),
        ("分红总额不高，但是分红率达40%。", "40%", "分红率"),
        # a share written right after a count is that count's noun's share
        ("全村有党员30人，其中女性党员8人、占比为26.7%。", "26.7%", "女性党员占比"),
        ("脱贫村12个，占比达40%。", "40%", "脱贫村占比"),
        # an income gain keeps 增收 (guide §3: 惠及群众), without a modal before it
        ("2024年带动村集体增收12万元。", "12万元", "村集体增收"),
        ("按每年务工6个月计算，每户可增收1.2万元以上。", "1.2万元", "每户增收"),
        # a count that ends its sentence after 有: the noun of the clause before it
        ("这样的便民驿站，河东区有30多个。", "30多个", "便民驿站"),
        ("在城南街道，像这样参与治理的老党员，还有180多名。", "180多名", "老党员"),
        # a time word opening the clause is no part of the object (以前 is not 以|前)
        ("以前一亩地年产值不过万元；而今能到8万元。", "万元", "一亩地年产值"),
        ("过去村集体收入只有3万元。", "3万元", "村集体收入"),
        # a verb or adverb after the noun ends it
        ("项目指挥部成立后，把40多家协作单位拧成一股绳。", "40多家", "协作单位"),
        ("每座桥墩需由2000吨钢筋浇筑而成。", "2000吨", "钢筋"),
        ("暴雨过后，12个项目列入重点监管清单。", "12个", "项目"),
        ("村口3公里长的水渠完全损毁，急需抢修。", "3公里", "水渠"),
        ("清晨，8辆抢险车提前两小时抵达现场。", "8辆", "抢险车"),
        ("街道组织200余名志愿者参与清淤。", "200余名", "志愿者"),
        ("镇里调来6台抽水泵连夜排涝。", "6台", "抽水泵"),
        # a verb before the noun ends the phrase on its left: the noun nearest the number
        ("今年以来，全县依托网格收集各类民情诉求3万多条。", "3万多条", "民情诉求"),
        ("排查化解邻里纠纷1200余件。", "1200余件", "邻里纠纷"),
        ("这套机制已协调解决居民急难愁盼问题900余件。", "900余件", "居民急难愁盼问题"),
        ("撤换不胜任村党组织书记80余人。", "80余人", "不胜任村党组织书记"),
        # a word that holds a verb or a numeral is read whole
        ("全省现有入党申请人120万名。", "120万名", "入党申请人"),
        ("入党积极分子80万名。", "80万名", "入党积极分子"),
        ("党员队伍中，25岁及以下党员300万名。", "300万名", "25岁及以下党员"),
        ("其中，41至50岁党员900万名。", "900万名", "41至50岁党员"),
        ("中国共产党现有党支部400多万个。", "400多万个", "党支部"),
        ("组建8个联合党组织。", "8个", "联合党组织"),
        ("全镇有15个种植车间。", "15个", "种植车间"),
        ("园区内有30多家食品加工企业。", "30多家", "食品加工企业"),
        ("带动务工群众人均增收8000元。", "8000元", "务工群众人均增收"),
        ("参与农户户均增收6000元。", "6000元", "农户户均增收"),
        ("网格覆盖率达98%。", "98%", "网格覆盖率"),
        ("今年以来，办结率达99%。", "99%", "办结率"),
        # a headless relative clause is the object, verbs and all
        ("改革开放前入党的党员中，解放前入党的2.1万名。", "2.1万名", "解放前入党的"),
        # X的Y after a measure word: a noun X is what is counted, a modifier X gives way to Y
        ("工作人员逐户摸清800余户居民的用水情况。", "800余户", "居民"),
        ("联合周边3个乡镇卫生院的医疗队伍开展义诊。", "3个", "乡镇卫生院"),
        ("推选20名年纪轻、有文化的返乡青年担任网格员。", "20名", "返乡青年"),
        ("每节是120米长的钢箱梁。", "120米", "钢箱梁"),
        ("吸纳15个有集体资产的村入股。", "15个", "村"),
        ("为村里50多位80岁以上老人举办了集体寿宴。", "50多位", "老人"),
        # two counts of one noun, back to back
        ("紧急转移58户210多名群众。", "58户", "群众"),
        # counts of other measure words after a place word alone: the households, the people themselves
        ("下辖7个村民小组、12个自然村，全村410户1580人。", "410户", "户"),
        ("下辖7个村民小组、12个自然村，全村410户1580人。", "1580人", "人"),
        # one character between an adverb and the number is the predicate's verb, not the noun
        ("三花节办了好几年，村里的民宿也开了20余家。", "20余家", "民宿"),
        ("上寨组的整栋农房闲置率就高达20%。", "20%", "整栋农房闲置率"),
        # X占Y, X比Y, X从A至B, X由A降至B: X is the object; none written, the figure before
        ("村卫生室接诊量占全镇接诊总量的40%。", "40%", "村卫生室接诊量"),
        ("全县党员总数为3.2万名，比上年底净增1200名。", "1200名", "党员总数"),
        ("药品成本由原来的每盒12元降至每盒7.5元。", "7.5元", "药品成本"),
        ("全区工业产值从2020年的120亿元，增至2024年的300亿元。", "300亿元", "工业产值"),
        # written apart from its noun (a count between), a share is named with its base as annotators do
        ("女党员1.2万名，占党员总数的30%。", "30%", "女党员占党员总数"),
        ("年产铅笔100亿支，占全国总产量超40%。", "40%", "铅笔占全国总产量"),
        ("海外订单占公司业务总量的比重达45%。", "45%", "海外订单"),
        # a bare measure word takes the noun its paragraph counted by it
        ("新建110个免费停车场。其中，吉阳区26个、天涯区57个。", "26个", "免费停车场"),
        # selling verbs: a sum sold for is the price, a count sold the sales
        ("酸奶太火了，一天卖1万多杯是常事。", "1万多杯", "销量"),
        ("直接找旧车回收，可以卖450元以上。", "450元", "售价"),
        ("2024年以来，县里开展12期集中培训。", "12期", "集中培训"),
        # money after a verb: what follows names it
        ("合作社每年为村集体带来20万元的收益。", "20万元", "收益"),
        ("5名党员带头出资60万元当作启动资金。", "60万元", "启动资金"),
        ("平台已覆盖全市85%以上的社区。", "85%", "社区"),
        ("村子还负债30余万元。", "30余万元", "负债"),
        ("村民每年少说能收入2万元。", "2万元", "收入"),
        # a gloss in parentheses is not the object
        ("农民（含牧民）280万名。", "280万名", "农民"),
        # parallel clauses joined by ； share their base
        ("村集体收益的40%用于发展生产；40%用于公益事业；20%用于分红。", "20%", "村集体收益"),
        # a count of events keeps its verb
        ("走访群众3600户次。", "3600户次", "走访群众"),
        # the word that makes a bare multiplier a number is its qualifier, not part of the object
        ("合作社先后投资上千万元，修缮老屋。", "千万元", "投资"),
        ("去年经营性收益破百万元。", "百万元", "经营性收益"),
        # a position character right after the measure word opens the noun; a verb before 型/式 makes a noun
        ("园区建起12座中高温大棚。", "12座", "中高温大棚"),
        ("全镇有6个下属企业。", "6个", "下属企业"),
        ("全县组建服务型党支部46个。", "46个", "服务型党支部"),
        # a list's 及 is no part of the object that follows it
        ("项目吸纳智水村及周边村务工群众151人。", "151人", "周边村务工群众"),
        # 村均 before a verb is 村 and 均 (all), not "per village"
        ("全市2196个建制村均建立了党组织。", "2196个", "建制村"),
        ("福田区通新岭小区26栋楼加装电梯正式运行。", "26栋", "楼"),
        # a quoted term after the measure word is part of the noun; 非公有制 holds no cut word
        ("1.02万家“三有”非公有制企业建立了党组织。", "1.02万家", "三有非公有制企业"),
        # a count of events: the noun and the verb after it
        ("政策宣传队深入居民家中开展政策宣讲320人次。", "320人次", "开展政策宣讲"),
        # 按…计算 states the basis, it is no object
        ("按照亩产5000斤计算，一亩地至少可增收6000元。", "5000斤", "亩产"),
        # words holding a position character are read whole after the measure word
        ("分布在世界各地的1.4万多名海外乡亲捐助良多。", "1.4万多名", "海外乡亲"),
        ("组织200名邻里志愿者开展服务。", "200名", "邻里志愿者"),
        ("开设3个线上课堂。", "3个", "线上课堂"),
        # a change with no noun of its own is the change of the figure just stated
        ("签约项目13个,同比增长18.2%,总投资105.02亿元,同比增长171.2%。", "171.2%", "总投资"),
        # a count after a list: the kind named before 包括
        ("其中,开工项目包括澄海科创中心、供水项目、环岛南路及配套工程等5项。", "5项", "开工项目"),
        ("既有住宅电梯增设43部。", "43部", "既有住宅电梯"),
        ("实施壮大村级集体经济项目44个。", "44个", "村级集体经济项目"),
        # 约 before the next figure is no object; an explanation in brackets is no part of it
        ("小区现有居民1200户约3400人。", "1200户", "居民"),
        ("信用时长(指志愿者在平台上通过签到、签退系统记录的时长)超890万小时。", "890万小时", "信用时长"),
        # the 与 of a comparison's base is no object: the change is of the figure just stated
        ("2.9万个行政村有公共厕所,占比达到63.1%,与2019年相比增长了11.9个百分点。", "11.9个百分点", "占比"),
        # after 分别, the n-th rate is of the n-th figure written before it
        ("耕地面积达到1575.6万亩,种植规模户13.0万户,与2019年相比分别增长了7.1%和10.8%。", "7.1%", "耕地面积"),
        ("耕地面积达到1575.6万亩,种植规模户13.0万户,与2019年相比分别增长了7.1%和10.8%。", "10.8%", "规模户"),
        ("此次分红：12.36%的红利分配给公司股东。", "12.36%", "红利分配"),
        # people or bodies counted, then their predicate: the noun before the verb
        ("目前已有52户农户加入合作社。", "52户", "农户"),
        ("共有17个社区签订共建协议。", "17个", "社区"),
        ("其中46个村达到10万元以上。", "46个", "村"),
        ("建成100吨的冷库和50万只肉鸡屠宰线各1条。", "50万只", "肉鸡屠宰线"),
        # modal verbs and adverbs after the noun are no part of it (社区干部要…, 残障人士正在…, 工作人员却…)
        ("长期以来，9名村干部要负责全村的大小事务。", "9名", "村干部"),
        ("工坊吸纳20余名残障人士正在上岗。", "20余名", "残障人士"),
        ("而工作人员却只有36人。", "36人", "工作人员"),
        # after people counted and 的: a noun of people is the object, anything else belongs to them
        ("目前已组建8000余人的志愿者队伍。", "8000余人", "志愿者队伍"),
        ("社区党委负责辖区内3000多户9000余人的日常服务工作。", "9000余人", "人"),
        # a change that names what it measures stands as the object when nothing else is written
        ("村民通过工坊务工等形式，2022年以来累计增收350万元。", "350万元", "增收"),
        # a dimension before an area or length followed by 的 is the object, not the noun after 的
        ("2处占地1000余平方米的透光性智慧车棚建成。", "1000余平方米", "占地"),
        # a verb ending the phrase after the number is its predicate: before a place, or after people counted
        ("当日上午,4台联合收割机开进刘官屯村麦地。", "4台", "联合收割机"),
        ("带动50多名当地农村妇女就业。", "50多名", "当地农村妇女"),
        ("选派20名党员代表参加。", "20名", "党员代表"),
        ("累计为合作社牛养殖场投入412万元帮扶资金,用于发展养殖产业。", "412万元", "帮扶资金"),
        ("村集体出资100万元当作启动资金。", "100万元", "启动资金"),
        ("一场持续近10年、涉及金额12.84万元的“借款疑云”终于解开。", "12.84万元", "金额"),
        ("全镇40个行政村收入全部过5万元。", "5万元", "行政村收入"),
        ("共实现集体收益13万余元,提取27%公积金约2万余元。", "27%", "公积金"),
        ("共实现集体收益13万余元,提取27%公积金约2万余元。", "2万余元", "公积金"),
        ("每户最高能分到36300元。", "36300元", "每户"),
        # two counts of one noun back to back share it
        ("分红总额48.76万元,受益股东624户2351人。", "2351人", "受益股东"),
        ("社区下辖商品房、还迁房，居民5000户、7500多人。", "7500多人", "居民"),
        # a money noun after 的, with a word of its own; a single thing counted before the measure is no object
        ("每年为福星村带来约30万元的经济收入。", "30万元", "经济收入"),
        ("该村建起了一座占地面积7亩的光伏电站。", "7亩", "占地面积"),
        # a word describing the people counted is no predicate after them
        ("目前已有70余户建档立卡贫困户参与特色种养。", "70余户", "建档立卡贫困户"),
        ("招录3名事业编制人员+5名志愿者。", "3名", "事业编制人员"),
        # a body written before the figure starts the object after it, unless it is what is counted
        ("天成娱乐投资有限公司斥资4000万元打造。", "4000万元", "斥资"),
        ("凤坂院区接诊量提升了60%。", "60%", "接诊量"),
        ("合作社建成茶叶加工厂1座。", "1座", "茶叶加工厂"),
        # a rate after a verb, written 以上 and its noun without 的
        ("新区地区生产总值连续7个季度保持20%以上增速。", "20%", "增速"),
        # a fee or an expense written right after the money (X费, 支出)
        ("脱贫户只需每年向村集体交2000元流转费，就能租下一栋温棚。", "2000元", "流转费"),
        ("每户居民一年交210元服务费。", "210元", "服务费"),
        # a verb and a people word after a count of people are one noun (包联干部, 帮扶干部)
        ("积石山县统筹组织252名包联干部、81名包片干部下沉基层。", "252名", "包联干部"),
        ("选派30名帮扶干部参加培训。", "30名", "帮扶干部"),
        # a level reached after 精简为/压缩到: the counted noun stands before the first figure
        ("考核指标从527条压缩到237条。", "527条", "考核指标"),
        # a qualifier written after the figure (以内) ends it: the level reached is of the noun before
        ("将汉丰湖水位落差从20多米缩减到5米以内。", "5米", "汉丰湖水位落差"),
        # a relative clause led by its verb right after the count, then 的 and the noun counted
        ("志愿者分批给700多名符合驿站入住条件的考生发送了短信。", "700多名", "考生"),
        # a verb of dividing (分成, 分为) ends the noun divided
        ("居民陆续返乡，社区干部分成3组，入户走访。", "3组", "干部"),
        # a dash ends a clause as a comma does
        ("后来机械加工企业在此建厂——颜峰集体收入破亿元。", "亿元", "颜峰集体收入"),
        # a sum before 的 and a price word is that price (以…的价格成交); 以 before the next figure ends a noun
        ("汉丰湖国家湿地公园的8784吨碳汇资产以70.3万元的价格成交。", "70.3万元", "价格"),
        ("汉丰湖国家湿地公园的8784吨碳汇资产以70.3万元的价格成交。", "8784吨", "碳汇资产"),
        # a verb alone before a sum or a rate (with its result complement) names nothing: the noun after 的 does;
        # a verb that is a noun too (收入) still names the sum
        ("这座小城每年创造出超过80亿元的产值。", "80亿元", "产值"),
        ("入驻项目可以申请最高20%的房租补贴。", "20%", "房租补贴"),
        ("全镇收入50万元的村有6个。", "50万元", "收入"),
    ],
)
def test_object_is_the_noun_phrase_nearest_the_number(text: str, metric_text: str, obj: str) -> None:
    assert _metric(text, metric_text).object == obj


@pytest.mark.parametrize(
    ("text", "metric_text", "change"),
    [
        # 取消, 下架 take things away; 扩大 N倍 adds (扩大至 a level: no change)
        ("累计取消停车费、场地租用等26个收费项目。", "26个", "decrease"),
        ("商场下架45款过度包装的月饼。", "45款", "decrease"),
        ("三年间，基地面积扩大12倍。", "12倍", "increase"),
        ("全镇果园面积扩大至2.6万亩。", "2.6万亩", None),
        # a comparison with a base
        ("这种小米比普通小米贵30%。", "30%", None),
        ("富硒大米比普通大米高20%。", "20%", "increase"),
        ("现在的信访量比从前少了一半。", "一半", "decrease"),
        ("今年的订单较上年多出15单。", "15单", "increase"),
        ("全市增速高于全省平均增速0.6个百分点。", "0.6个百分点", "increase"),
        ("全市增速低于全省平均增速0.3个百分点。", "0.3个百分点", "decrease"),
        # a threshold is not a change
        ("收入低于5万元的薄弱村还有3个。", "5万元", None),
        ("收入低于5万元的薄弱村还有3个。", "3个", None),
        # saving, new purchases
        ("每年能节省检测费用12万元。", "12万元", "decrease"),
        ("累计为农户节约采购成本200余万元。", "200余万元", "decrease"),
        ("新购置6台植保无人机。", "6台", "increase"),
        ("新引进企业9家。", "9家", "increase"),
        ("1-5月份新落户企业620户。", "620户", "increase"),
        # a level reached after a change
        ("投诉量降至300余件。", "300余件", None),
        ("满意率提升至97%。", "97%", None),
        # the word decides, whatever the sign
        ("同比增长-5.2%。", "-5.2%", "increase"),
        ("增速为-3.5%。", "-3.5%", "increase"),
        ("同比下降4.1%。", "4.1%", "decrease"),
        # 从A增长为B: B is the level reached (guide §5, like 提升至)
        ("占比从2019年的47.9%增长为64.4%。", "64.4%", None),
        # 多赚/多挣/增产 are increases; a cue inside a closed quotation is a slogan's; a rate after the people
        # counted is what rises; 摘掉 of plaques is a decrease
        ("“村里搞土地竞拍，我今年多赚了3.2万元！”", "3.2万元", "increase"),
        ("推广3项新技术，亩均增产10%。", "10%", "increase"),
        ("持续深化“多元友好、全面提升、深度融入”三项行动。", "三项", None),
        ("实施管网延伸工程，提高南部山区900余人饮水保障率。", "900余人", None),
        # a cue inside a list item before 等, or describing the bodies after 各, changes nothing; 新开发 is new
        ("探索出了招商反哺、服务增收等9种集体经济增收模式。", "9种", None),
        ("各新建党支部研究确定“一个支部一件实事”1600余件。", "1600余件", None),
        ("该县新开发公益岗位83个。", "83个", "increase"),
        # 改造提升 is a compound verb of works: what is upgraded is counted, nothing rises
        ("今年以来改造提升农村公路86.4公里。", "86.4公里", None),
        ("全镇道路硬化改造提升77公里。", "77公里", None),
        ("村民人均收入提升12%。", "12%", "increase"),
        ("根据上级要求，社区摘掉了近30块牌子。", "30块", "decrease"),
        # 添丁 adds to a herd; 便宜 states a price lower by the figure
        ("半年过去了，黑山羊添丁15只。", "15只", "increase"),
        ("我们直接从厂家购买化肥，每吨便宜300多块钱。", "300多块钱", "decrease"),
        # a bare rate whose object is a rate of growth is an increase
        ("贵安新区地区生产总值连续7个季度保持20%以上增速。", "20%", "increase"),
        # a level reached after 精简为 has no change (guide §3); the rate of the cut has
        ("省级专项考核由36项整合精简为9项、精简75%。", "9项", None),
        ("省级专项考核由36项整合精简为9项、精简75%。", "75%", "decrease"),
        # a 新 cue describing what was built, a character before its 的, is no change
        ("沿着一条路连续打卡近年新开放的3座环上公园。", "3座", None),
    ],
)
def test_change(text: str, metric_text: str, change: str | None) -> None:
    assert _metric(text, metric_text).change == change


def test_one_character_cut_from_a_verb_after_people_is_no_object() -> None:
    metrics = extract("太仓市有安徽定远籍务工人员约2万人，近8000人集中在璜泾镇。").metrics
    assert [m.object for m in metrics][1] != "集"


@pytest.mark.parametrize("text, surface, change", [
    ("片区温度较市中心低约0.9摄氏度。", "0.9摄氏度", "decrease"),  # 较 sets a base before any noun
    ("今年气温较常年偏低1.5摄氏度。", "1.5摄氏度", "decrease"),
    ("村民收入较高，人均达5万元。", "5万元", None),  # 较高 is "rather high": no base
    ("滁州市创新建设105个共富工坊。", "105个", None),  # 创新|建设: no 新建 across the two words
    ("今年春天果树遭受了霜冻，减产80%。", "80%", "decrease"),
    ("将传统的培训周期压缩1/3的同时，提高了质量。", "1/3", "decrease"),
    ("最终修缮休闲座椅52把，新添座椅20把。", "20把", "increase"),
    ("加入合作社养殖，单只能多卖10块钱。", "10块钱", "increase"),  # 多卖: sold for more than before
])
def test_change_words_of_output_and_equipment(text: str, surface: str, change: str) -> None:
    assert next(m for m in extract(text).metrics if m.text == surface).change == change


@pytest.mark.parametrize("text, surface, obj", [
    # a preposition left alone before a rate is no object where a noun after the rate names what it measures
    ("村里发动30户贫困户入股,股金1000-3000元间,按8%的分红比例,今年春节前分了红。", "8%", "分红比例"),
    # 规上 is one word, not 规 cut before 上
    ("目前，全区纺织产业的十一个细分行业、1226家规上企业中已经建立党组织677个。", "1226家", "规上企业"),
])
def test_a_single_character_object_gives_way_to_the_noun_after(text: str, surface: str, obj: str | None) -> None:
    assert next(m for m in extract(text).metrics if m.text == surface).object == obj


@pytest.mark.parametrize("text, objects", [
    # the nouns listed before 分别 are, in turn, what the figures after it measure
    ("数据断崖式下跌——引进项目数、合同引资额分别由2021年上半年的51个、401亿元骤降至下半年的14个、33.38亿元。",
     ["引进项目数", "合同引资额", "引进项目数", "合同引资额"]),
    # a figure with no object of its own takes the measure its clause group opens on
    ("合同引资额持续反弹，从2022年的128.03亿元增至2024年的220.56亿元；履约率连年攀升，2021年至2022年分别为52.31%、88.46%。",
     ["合同引资额", "合同引资额", "履约率", "履约率"]),
])
def test_objects_named_before_the_figures(text: str, objects: list[str]) -> None:
    assert [m.object for m in extract(text).metrics] == objects


def test_a_share_of_the_world_or_the_country_counts_the_noun_after_it() -> None:
    # 全球, 我国 are the whole the share is of, not what it counts; 由…制造 and 产自… end the noun
    metrics = extract("东莞市发展潮玩产业。目前，全球1/4的动漫衍生品由东莞制造，我国近85%的潮玩产自东莞。").metrics
    assert [m.object for m in metrics] == ["动漫衍生品", "潮玩"]


@pytest.mark.parametrize(("text", "objects"), [
    # 晋升 is one word: the object ends before it, not inside it
    ("新乡市对表现优秀的708名市管干部晋升职级。", ["市管干部"]),
    # 从4家发展到48家: the noun before 从 is what both figures count, not the verb after the first
    ("小北沟村酒店、民宿、农家乐从4家发展到48家。", ["农家乐", "农家乐"]),
    # a rate of change named after 的 is what the rate measures
    ("“16.5%的增速是系统性改革的结果。”", ["增速"]),
    # selling is no object of a price
    ("存储5年以上的老醋，能卖到30元一斤。", [None]),
])
def test_objects_of_verbs_ranges_and_rates(text: str, objects: list[str | None]) -> None:
    assert [m.object for m in extract(text).metrics] == objects


def test_an_account_line_names_its_item_before_the_sum() -> None:
    text = ("室外就“晒”着支出账，2024年干了啥，一目了然。\n修农田机电井，2536元，老百姓浇地不发愁；\n"
            "改造村室、卫生室，18600元，卫生室能输液、有床位；\n公益捐款，1.2万多元；人居环境整治，补助9000元。")
    assert [m.object for m in extract(text).metrics] == ["修农田机电井", "改造村室、卫生室", "公益捐款", "补助"]


@pytest.mark.parametrize("text, figure, obj", [
    ("品质上去了。普通山药一斤卖3.3到3.4元。", "3.3到3.4元", "普通山药"),
    ("收购价格每斤1块多。", "1块多", "收购价格"),
])
def test_a_price_per_unit_keeps_what_is_priced(text: str, figure: str, obj: str) -> None:
    m = next(m for m in extract(text).metrics if m.text == figure)
    assert m.object == obj


def test_a_rate_denominator_is_no_object() -> None:
    m = extract("全区粮食作物平均单产同比增加24.2斤，达到779.7斤/亩。").metrics[-1]
    assert m.object == "粮食作物平均单产"


@pytest.mark.parametrize("text, figure, obj", [
    ("车间年销售额稳定超过1000万元。", "1000万元", "车间年销售额"),
    ("过去村里的桃子散种散卖，每斤只能卖三四元。", "三四元", "每斤"),   # nothing but the unit: kept
])
def test_an_adverb_or_a_lone_unit_word_at_the_object_end(text: str, figure: str, obj: str) -> None:
    assert next(m for m in extract(text).metrics if m.text == figure).object == obj


@pytest.mark.parametrize("text, obj", [
    ("2022年，郭家桥乡争取到100万元产业融合资金。", "产业融合资金"),   # a money noun with four characters before it
    ("依托近1400万元鲁渝协作资金支持，建成大棚。", "鲁渝协作资金"),
    ("化解2户邻居的纠纷。", "邻居"),                                    # the noun counted, before 的
    ("外出务工的青壮年一度占七成。", "青壮年"),                          # an adverb after the noun is no part of it
    ("开发面积只占流转林地的1/10。", "开发面积"),
])
def test_money_nouns_counted_nouns_and_adverbs_after_the_noun(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


@pytest.mark.parametrize("text, obj", [
    ("这批新市民里，近九成是脱贫户，超六成是布依族。", "脱贫户"),   # a share followed by 是 and the noun
    ("这支队伍中，60%是党员。", "党员"),
])
def test_a_share_followed_by_shi_names_what_it_counts(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


def test_a_measure_word_before_a_sum_gives_way_to_the_noun_after_de() -> None:
    assert extract("春节后，一笔1000万元的贷款注入企业。").metrics[0].object.startswith("贷款")


def test_people_counted_then_their_origin_name_the_noun_after_de() -> None:
    text = "在会议室，50多名来自上海、江苏、浙江的青年学员正在上课。"
    assert extract(text).metrics[0].object == "青年学员"


def test_a_count_before_a_relative_clause_counts_the_noun_after_it() -> None:
    from dangjian_extract import extract
    m = extract("目前武都区建成25条达到世界先进水平的初榨油生产线。").metrics[0]
    assert m.object is not None and m.object.startswith("初榨油")
    # a verb after the figure with no 的: the object stands before (压减至)
    m = extract("全市会议数量由8610个压减至278个。").metrics[0]
    assert m.object != "压减至"


def test_a_long_noun_after_a_count_keeps_its_head() -> None:
    metric = extract("鄂托克旗建成4993座标准化跑道式螺旋藻养殖大棚。").metrics[0]
    assert metric.object is not None and "螺旋藻养殖" in metric.object


@pytest.mark.parametrize("text, obj", [
    ("19个直径30米、高30余米的巨大钢圆筒被拆除。", "巨大钢圆筒"),
    ("去年建成3座面积200平方米的仓库。", "仓库"),
])
def test_a_count_followed_by_its_items_measures_counts_the_noun_after_de(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


@pytest.mark.parametrize("text, obj", [
    ("培训期间，每月还可领取1200元补助。", "补助"),
    ("近年来，绵阳市为200余户企业提供20.91亿元信贷支持。", "信贷支持"),
])
def test_a_sum_handed_over_is_of_the_money_noun_after_it_not_the_verb(text: str, obj: str) -> None:
    metric = next(m for m in extract(text).metrics if m.unit == "CNY")
    assert metric.object == obj


def test_a_verb_before_a_rate_suffix_is_part_of_the_rate_and_an_adverb_after_is_no_object() -> None:
    assert extract("在宁夏，枸杞叶的利用率曾经不足1%。").metrics[0].object == "利用率"


@pytest.mark.parametrize("text, obj", [
    ("改造大棚只花了3万元。", "大棚"),
    ("每月工资差不多4000元。", "工资"),
    ("办结时限压缩至最长5天。", "时限"),
])
def test_a_verb_or_comparison_right_before_the_figure_ends_no_object(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


@pytest.mark.parametrize("text", ["农闲时，村民最多一天能挣150元。", "“每个月能再赚2000元。”她说。"])
def test_money_a_person_earns_is_income(text: str) -> None:
    metric = next(m for m in extract(text).metrics if m.unit == "CNY")
    assert metric.object == "收入"


@pytest.mark.parametrize("text, obj", [
    ("年产会理石榴100万吨、盐源苹果60万吨。", "会理石榴"),   # 年产: the output's verb, not its noun
    ("银川市扫码“数字政务门牌”，一年扫码量超10万次。", "扫码量"),  # 一年: a period, not the noun
])
def test_an_output_verb_or_a_kind_word_opens_no_object(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


def test_a_kind_word_opens_no_object_of_a_listed_output() -> None:
    metrics = extract("四川凉山彝族自治州年产会理石榴100万吨、各类葡萄80万吨。").metrics
    assert [m.object for m in metrics] == ["会理石榴", "葡萄"]


def test_people_counted_with_no_noun_of_their_own_are_counted_by_what_they_do() -> None:
    metrics = extract("累计为1300人提供免费技能培训，已有1040人实现就业。").metrics
    assert [m.object for m in metrics] == ["提供免费技能培训", "实现就业"]
    assert extract("全村有200人。").metrics[0].object == "人"  # no predicate: the people themselves


@pytest.mark.parametrize("text, obj", [
    ("抓住若药堂村、前滩村、牧场村3个村的“牛鼻子”。", "村"),
    ("将6个村的文旅资产统一收归乡属旅游公司。", "村"),
    ("截至目前，2800余家在孵经营实体均能享受类似政策扶持。", "在孵经营实体"),
])
def test_the_places_counted_before_de_and_bodies_in_incubation_are_the_object(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


@pytest.mark.parametrize("text, obj", [
    ("目前全区1209项事项可全程网办。", "事项"),          # 可: the predicate begins
    ("有400多个事项能边聊边办。", "事项"),
    ("建成5个可再生能源项目。", "可再生能源项目"),       # words that hold 可 or 能 stay whole
    ("新增3家太阳能企业。", "太阳能企业"),
    ("培育30名致富能手。", "致富能手"),
    ("“流动人口多，70%的业主不在本地。”", "业主"),         # a negation too
])
def test_a_modal_after_the_counted_noun_begins_its_predicate(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


@pytest.mark.parametrize("text, obj", [
    ("改造前的房子，使用面积最小6.9平方米。", "使用面积"),     # 最小/最大: the range's end, not the noun
    ("每年减排粉尘约1万吨。", "粉尘"),                         # 减排: the change's verb
])
def test_a_range_end_or_a_cut_verb_is_no_part_of_the_object(text: str, obj: str) -> None:
    assert extract(text).metrics[0].object == obj


def test_a_bare_count_takes_the_noun_its_sentence_opens_on_after_a_determiner() -> None:
    text = "像这样的背街小巷，近年来，沈阳市一共改造了825条。"
    assert extract(text).metrics[0].object == "背街小巷"


@pytest.mark.parametrize("text, surface, change, obj", [
    ("这个办法费时费力，成本高了3倍、时间多了2倍。", "3倍", "increase", "成本"),   # X高了/多了: more than before
    ("这个办法费时费力，成本高了3倍、时间多了2倍。", "2倍", "increase", "时间"),
    ("培训补贴标准上浮10%。", "10%", "increase", "培训补贴标准"),
    ("相较于之前，制作经费预算砍掉了20%。", "20%", "decrease", "经费预算"),
    ("全镇人均年收入提高了800元。", "800元", "increase", "人均年收入"),  # 提高了 stays one word
    ("2024年4月，我们增开了隆子镇、日当镇两个配送站点。", "两个", "increase", "配送站点"),
    ("2024年至今，麦积区新建设24条产业路。", "24条", "increase", "产业路"),
])
def test_comparatives_after_the_noun_are_changes(text: str, surface: str, change: str, obj: str) -> None:
    m = next(m for m in extract(text).metrics if m.text == surface)
    assert (m.change, m.object) == (change, obj)


@pytest.mark.parametrize("text, obj", [
    ("公司年产值超过1亿元，九成产品畅销海外。", "产品"),              # a share, then the noun it is a share of
    ("该模式共覆盖全县约九成村屯，共收集议题800多个。", "村屯"),
    ("淳安县地处浙西山区，近半数农村曾面临空心化问题。", "农村"),
])
def test_a_share_word_takes_the_noun_after_it(text: str, obj: str) -> None:
    assert next(m for m in extract(text).metrics if m.unit == "%").object == obj


# the object of one figure in a real-shaped sentence (seventeenth session: what ends an object, and where a noun
# written away from the figure is its object)
@pytest.mark.parametrize("text, surface, obj", [
    ("目前全县已建成59处、38.7万平方米集中育秧设施。", "59处", "集中育秧设施"),  # a count, then the things' size
    ("2025年全年发运27趟、117个冷藏箱。", "27趟", "发运"),                   # a second count names its own noun
    ("李哥庄镇已集聚400余家制帽企业、200余家上下游配套厂商。", "200余家", "上下游"),
    ("公主岭玉米年产量多年保持在60亿斤水平。", "60亿斤", "公主岭玉米年产量"),  # 水平 names the level; 多年 no noun
    ("仅育秧成本一项每亩就接近200元。", "200元", "育秧成本一项"),          # 接近 is the qualifier's word
    ("技术团队不足10人，信息化人员仅剩3人。", "3人", "信息化人员"),
    ("热线接通率2023年5月增长到99.77%，现已达到99.9%。", "99.9%", "热线接通率"),
    ("自己这家企业，竟然拿到了1亿元的银行授信。", "1亿元", "银行授信"),
    ("仅2025年，康开祥就发出了89万多元的务工工资。", "89万多元", "务工工资"),  # a verb's 了, then 的 and the noun
    ("18吨螃蟹创造了近200万元的产值。", "200万元", "产值"),
    ("以仅占全市0.11%的国土面积，贡献了10.7%的地区生产总值和近35%的规模以上工业总产值。", "35%", "规模以上工业总产值"),
    ("话务人员数量由2023年4月的57人，增长至现在的68人。", "68人", "话务人员"),  # the level reached, of the same thing
    ("果品损耗率从原来的5%—7%，降至现在的3%以内。", "3%", "果品损耗率"),
    ("目前成都已在208个路口配置了AI红绿灯。", "208个", "路口"),    # the predicate's verb ends the noun after the count
    ("一个苹果产业园，带动周边80多名村民务工。", "80多名", "村民"),
    ("有14.1万户村民用上了“幸福水”。", "14.1万户", "村民"),
    ("引导5家企业、21个项目成功落地。", "21个", "项目"),
    ("劳务输出形成12个劳务工作站。", "12个", "劳务工作站"),          # 劳务 is one word
    ("成都地铁全线489座车站开放免费纳凉专区。", "489座", "车站"),
    ("当天该村79户村民领到了违纪干部退赔的资金。", "79户", "村民"),
    ("下姜村的栀子种植基地里，30多名村民挎着竹篮、穿行花海。", "30多名", "村民"),
    ("韩城市依托副产氢资源，制氢成本低至10—13元/千克。", "10—13元", "制氢成本"),
    ("在深圳地铁体育中心站B出入口，一处10多平方米的半开放式仓库，成了午休空间。", "10多平方米", "半开放式仓库"),
    ("吸收37家驻地企事业单位党组织负责人担任兼职委员。", "37家", "驻地企事业单位党组织负责人"),  # 党组织 whole
])
def test_the_object_of_a_figure(text: str, surface: str, obj: str) -> None:
    assert next(m for m in extract(text).metrics if m.text == surface).object == obj


# nineteenth session: a noun suffix after a verb, two nouns joined before 分别, a count before 的 and the next count,
# a preposition before the next figure
@pytest.mark.parametrize("text, surface, obj", [
    ("全旗植被覆盖度达到81%。", "81%", "植被覆盖度"),                 # 度 after 覆盖 makes a noun; 植被 is one word
    ("群众对办事大厅的满意度达98.5%。", "98.5%", "满意度"),
    ("如今，全县森林覆盖率和植被覆盖度分别达到了41.2%和76%。", "41.2%", "森林覆盖率"),
    ("如今，全县森林覆盖率和植被覆盖度分别达到了41.2%和76%。", "76%", "植被覆盖度"),
    ("全县小麦产量和玉米产量分别达到12万吨和8万吨。", "8万吨", "玉米产量"),
    ("两个社区分别有党员120名、86名。", "86名", "党员"),             # the second count of the noun the first named
    ("摸排发现，小区18栋多层住宅的40台电梯已超期服役。", "18栋", "多层住宅"),  # the next count right after 的
    ("摸排发现，小区18栋多层住宅的40台电梯自2003年起投入使用。", "40台", "电梯"),  # 自 opens the date
    ("县财政坚持每年投入800万元。", "800万元", "县财政"),            # 坚持 is a verb, no part of the noun
    ("去年，8台设备远赴东南亚。", "8台", "设备"),
    ("园区还有1个3000平方米的冷链物流中心。", "1个", "冷链物流中心"),  # a count, its size, 的 and its noun
    ("海面上，12个比足球场还大的浮筒正在作业。", "12个", "浮筒"),      # a comparison is a relative clause
    ("他手里有20个比特币。", "20个", "比特币"),                       # a word that opens with 比 compares nothing
    ("“十四五”时期，沈河区累计投入约18亿元，改造老旧小区。", "18亿元", "投入"),  # 约 is the figure's, the verb names it
    ("村里有致富带头人30名。", "30名", "致富带头人"),                  # 带头 inside 带头人 cuts nothing
    ("村里评选好家风，累计评选出120多户。", "120多户", "评选"),      # 出 alone completes the verb: the verb names it
    ("去年，全县合作社数量发展到120家。", "120家", "合作社"),         # after 到 the noun before the verb stays
    ("新修全长约8公里的环湖步道。", "8公里", "全长"),                # the dimension word past the qualifier
])
def test_the_object_of_a_figure_19(text: str, surface: str, obj: str) -> None:
    assert next(m for m in extract(text).metrics if m.text == surface).object == obj


@pytest.mark.parametrize("text, surface, change", [
    ("累计新建、改造农房1200余户。", "1200余户", None),        # built and rebuilt, summed: no change
    ("今年新建、改扩建村级活动场所15个。", "15个", None),
    ("窗口办事效率提升等20余条建议被采纳。", "20余条", None),        # the cue is a list item's
    ("今年新建村级活动场所15个。", "15个", "increase"),          # a cue alone before the figure is still one
])
def test_change_cues_inside_lists_of_works_or_items(text: str, surface: str, change: str | None) -> None:
    assert next(m for m in extract(text).metrics if m.text == surface).change == change
