package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyLinesTest {

  @Test
  void creditLinesBecomeMetadata() {
    BodyLines.Credits c = BodyLines.credits("作者 | 张三 编辑 | 李四");
    assertThat(c.author()).isEqualTo("张三");
    assertThat(c.editor()).isEqualTo("李四");

    c = BodyLines.credits("2023-03-15 10:23 来源：新华网 责任编辑：王五");
    assertThat(c.source()).isEqualTo("新华网");
    assertThat(c.editor()).isEqualTo("王五");
    assertThat(c.hasDate()).isTrue();

    assertThat(BodyLines.credits("【责任编辑:吴迪】").editor()).isEqualTo("吴迪");
    assertThat(BodyLines.credits("(责编：李晓、孙悦)").editor()).isEqualTo("李晓");
    assertThat(BodyLines.credits("（文章来源：证券时报）").source()).isEqualTo("证券时报");
    assertThat(BodyLines.credits("文/王小明").author()).isEqualTo("王小明");
    assertThat(BodyLines.credits("头图 | 视觉中国")).isNotNull();
    assertThat(BodyLines.credits("发布时间：2023-03-20 16:30 来源：省发展改革委 浏览次数：1532 【字体：大 中 小】").source())
        .isEqualTo("省发展改革委");
    assertThat(BodyLines.credits("（记者 柯雨桐）").author()).isEqualTo("柯雨桐");
    assertThat(BodyLines.credits("(本报记者 王明 通讯员 李华)").author()).isEqualTo("王明");
    assertThat(BodyLines.credits("（记者：张晓、李可）").author()).isEqualTo("张晓");
    assertThat(BodyLines.credits("（编辑 李思远）").editor()).isEqualTo("李思远");
    assertThat(BodyLines.credits("本期编辑：宋知远").editor()).isEqualTo("宋知远");
    assertThat(BodyLines.credits("来源 | The Northshore Review").source()).isEqualTo("The Northshore Review");
    assertThat(BodyLines.credits("来源：Reuters 编辑：王五").source()).isEqualTo("Reuters");
    BodyLines.Credits info = BodyLines.credits("http://news.jnol.example.com　2008年06月17日 10:25　来源：江南晨报");
    assertThat(info.source()).isEqualTo("江南晨报");
    assertThat(info.hasDate()).isTrue();
    assertThat(BodyLines.credits("转载自：南风财经观察").source()).isEqualTo("南风财经观察");
    assertThat(BodyLines.isAttachmentHead("附件：")).isTrue();
    assertThat(BodyLines.isAttachmentHead("【相关附件】")).isTrue();
    assertThat(BodyLines.isAttachmentHead("附件：1.申报书.docx")).isFalse();
    assertThat(BodyLines.isTerminator("本文提及楼盘")).isTrue();
    assertThat(BodyLines.credits("（金桥证券报记者 钱晓波）").author()).isEqualTo("钱晓波");
    assertThat(BodyLines.credits("作者：许明哲，华章发展研究院宏观经济研究部主任、研究员").author()).isEqualTo("许明哲");
    assertThat(BodyLines.credits("责任编辑：顾北 bei.gu@globalchronicle.com").editor()).isEqualTo("顾北");
    assertThat(BodyLines.credits("记者 罗佳 编辑 周颖").author()).isEqualTo("罗佳");
    assertThat(BodyLines.credits("作者：宋青禾2023年10月26日 09:00").author()).isEqualTo("宋青禾");
    assertThat(BodyLines.credits("作者：林小溪阅读 1.2万").author()).isEqualTo("林小溪");
    assertThat(BodyLines.credits("来源 | 晨星科技评论").source()).isEqualTo("晨星科技评论");
    assertThat(BodyLines.isTerminator("广告声明：文内含有的对外跳转链接，用于传递更多信息。")).isTrue();
    assertThat(BodyLines.isBodyEnd("- END -")).isTrue();
    assertThat(BodyLines.isBodyEnd("4. 本文作者")).isTrue();
    assertThat(BodyLines.isBodyEnd("作者简介")).isTrue();
    assertThat(BodyLines.isBodyEnd("前瞻性陈述")).isTrue();
    // round 6 (session 16): a risk note with its text ends a finance story too
    assertThat(BodyLines.isBodyEnd("风险提示：行业竞争加剧。")).isTrue();
    assertThat(BodyLines.isBodyEnd("【风险提示】：行业竞争加剧。")).isTrue();
    assertThat(BodyLines.isBodyEnd("提示风险：行业竞争加剧。")).isFalse();
    assertThat(BodyLines.withoutStaffCode("王晓_NF5821")).isEqualTo("王晓");
    assertThat(BodyLines.withoutStaffCode("贺知秋 SF062")).isEqualTo("贺知秋");
    assertThat(BodyLines.withoutStaffCode("数字经济组 林可")).isEqualTo("数字经济组 林可");
    assertThat(BodyLines.credits("嘉宾 | 鸿源基金权益投资部 基金经理 沈聿")).isNotNull();
    assertThat(BodyLines.credits("文 / 陈思远（清远大学公共政策研究中心副研究员）").author()).isEqualTo("陈思远");
    assertThat(BodyLines.credits("消息来源：启衡生物科技有限公司").source()).isEqualTo("启衡生物科技有限公司");
    assertThat(BodyLines.credits("后期：老周 | 封面设计：阿May")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "记者：您从什么时候开始学竹编？",
        "2020年2月22日，国务院发布了新的规定。",
        "2023年8月24日",
        "新华社北京2月22日电（记者张三）国务院日前印发通知，部署进一步优化营商环境工作。",
        "作者认为，这一政策将在未来三年内产生明显效果。",
        "编辑部的故事",
        "一、出台背景",
        "本报责任编辑：周五值班",
        "（记者从市交通局获悉）",
        "（记者 柯雨桐报道，全县今年新建乡村公路一百二十公里。）",
        "下载量突破一亿次，成为今年最受欢迎的应用。",
        "点击量持续上升的原因，在于内容更贴近读者。",
        "页面加载中出现的问题，已经由技术团队修复。",
        "00:00 开场",
        "08:10 第一年亏了多少钱",
        "运营：城乡公交一体化让出行“零换乘”",
        "图：2021—2023年全国数据交易所场内交易规模（单位：亿元，数据来源：数观研究院）",
        "他正在看书",
        "记者询问时，他回复“不知道”。",
        "外交部发言人声明：中方坚决反对任何形式的单边制裁。",
        "2024年6月19日",
      })
  void bodyLinesAreNotCredits(String line) {
    assertThat(BodyLines.credits(line)).isNull();
    assertThat(BodyLines.isNoise(line)).isFalse();
    assertThat(BodyLines.isTerminator(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "分享到：微信 微博 QQ空间",
        "【字号 大 中 小】",
        "【打印】【关闭】",
        "图片来源于网络",
        "本文来自微信公众号：城市观察（ID：citywatch），作者：苏小满",
        "更多精彩内容点击查看>>",
        "▷ 点击阅读：夜市经济回来了",
        "（完）",
        "- END -",
        "长按识别二维码，关注我们",
        "《 人民日报 》（ 2023年03月17日 05 版）",
        "下载北川新闻客户端，看更多本地新闻",
        "打开东海日报APP，阅读更多精彩内容",
        "点击上方蓝字关注我们",
        "↑ 点击上方“城市观察”，设为星标",
        "视频加载中，请稍候...",
        "点击下方“在看”，分享给更多人 ↓↓↓",
        "【收听方式】在小宇宙搜索“慢热电台”即可订阅，也欢迎关注同名公众号。",
        "原文链接：https://www.example.com/2024/05/slow-hiring",
        "视频时长 02:16 | 视频加载中，请稍候……",
        "本帖最后由 江畔拾贝 于 2022-12-06 08:15 编辑",
        "（本文首发于作者个人公众号“山野行记”，转载请联系授权）",
        "评分：★★★★☆ 推荐",
        "（本文仅代表作者观点）",
        "视频加载中... 《雾港纪事》实机演示 04:32",
        "本文来自观潮号作者山海农事，图片来源于作者，不代表潮声网的观点和立场。",
        "注：本文旨在介绍医学研究进展，不是治疗方案推荐。如需获得治疗方案指导，请前往正规医院就诊。",
        "添加小助手微信（ID：shuguan_xz），加入数字经济产业交流群，获取更多行业报告。",
        "作者简介：林清源，青川绿色金融研究中心研究员，研究方向为转型金融与气候风险。",
        "本文仅代表作者个人观点，不代表本中心立场。",
        "The post 转型金融标准建设：进展与建议 appeared first on 青川绿色金融研究中心.",
        "01:32",
        "下载“掌上榕城”客户端，爆料有奖！",
        "爆料热线：0591-87654321",
        "分享让更多人看到",
        "点个在看，你最好看",
        "点击此处阅读英文原文",
        "（本文刊发于《南方经济时报》2024年3月10日理论版，发表时有删节）",
        "—— 本组诗原载《青檐》2024年第2期 ——",
        "华汇声明：此消息系转载自华汇合作媒体，登载此文出于传递更多信息之目的，并不意味着赞同其观点。文章内容仅供参考，不构成投资建议。",
        "【询底价】 【看车型】 【预约试驾】",
        "鸿源基金 | 长按识别二维码关注",
        "喜欢就点个「赞」和「在看」吧 👇",
        "▼ 点击「阅读原文」，三甲医生在线问诊",
        "觉得有用，就分享给身边爱喝咖啡的人吧～",
        "北京 | 上海 | 深圳 | 成都 | 澜州",
        "视频时长 02:46 ｜ 点击播放",
        "南屿广电融媒体中心出品",
        "总第612篇 | 2024年第009篇",
        "🔺点击上方「半岛漫游记」关注，设为⭐星标，不错过每一条宝藏路线",
        "*本文图片均由作者拍摄，未经授权禁止转载。部分信息可能随时间变化，出行前请以景区官方公告为准。",
        "（货币信贷管理处供稿）",
        "（阿泽）",
        "📥 报告全文获取：关注“数智经济研究院”公众号，后台回复“授权运营”即可下载。",
        "邮件无法正常显示？点击此处在浏览器中查看",
        "☕ 华商晨报·财经早餐｜2024年6月19日 星期三 农历五月十四",
        "（以上信息综合自新华社、央视新闻、各交易所及上市公司公告，仅供参考，不构成投资建议。）",
        "公众号ID：xinwen_ref",
        "标签：县域经济，流通体系，乡村振兴",
        "本文观点仅代表作者本人，不代表清远大学公共政策研究中心立场。",
        "风险提示：本栏目内容仅供投资者教育之用，不构成任何投资建议。投资者应当根据自身风险承受能力审慎决策。",
      })
  void boilerplateLinesAreNoise(String line) {
    assertThat(BodyLines.isNoise(line)).isTrue();
  }

  @Test
  void wechatAccount() {
    assertThat(BodyLines.wechatAccount("本文来自微信公众号：城市观察（ID：citywatch），作者：苏小满")).isEqualTo("城市观察");
    assertThat(BodyLines.wechatAccount("本文来自微信公众号“科技前沿”")).isEqualTo("科技前沿");
  }

  @Test
  void terminators() {
    assertThat(BodyLines.isTerminator("相关阅读")).isTrue();
    assertThat(BodyLines.isTerminator("【相关新闻】")).isTrue();
    assertThat(BodyLines.isTerminator("免责声明：本文仅供参考，不构成投资建议，据此操作风险自担，请投资者谨慎决策。")).isTrue();
    assertThat(BodyLines.isTerminator("相关阅读材料显示，今年全市粮食产量稳步增长，农民收入持续提高，这一趋势将延续到明年。")).isFalse();
  }

  @Test
  void theNoiseAndTerminatorShortcutsAgreeWithThePatterns() {
    List<String> pieces =
        List.of(
            "分享到", "：", ":", "字号", "大", "中", "小", "打印本页", "【打印】", "【我要纠错】", "扫一扫", "长按识别",
            "微信扫一扫", "图片来源于网络", "本文来自微信公众号", "点击", "查看", "更多", ">>", "》", "→", "▷", "（", "完",
            "）", "- ", "END", "the end", "《", "人民日报", "2023年03月17日", "05", "版", "【纠错】", "返回顶部", "上一篇",
            "阅读", "1.2", "万", "+", " ", "\u3000", "\t", "今天", "天气", "很好", "，", "。", "我们", "去公园", "散步",
            "在", "关注我们", "关闭窗口", "[关闭]", "免责声明", "相关阅读", "版权所有", "排行榜", "[", "【", "】", "\uD83D\uDE00", "a", "E", "T", "全文完", "=", "—",
            "下载", "打开", "安装", "客户端", "APP", "↑", "蓝字", "星标", "加载中", "正在加载", "请稍候",
            "您的", "浏览器不支持", "播放", "本文为", "未经授权", "禁止转载", "订阅地址", "投稿请", "收听方式", "原文链接", "https://a.example/b",
            "评分", "★", "☆", "仅代表作者观点", "不代表", "立场", "文中提及", "本文提及", "楼盘",
            "添加", "小助手", "微信", "交流群", "爆料热线", "0591-8765", "在看", "点个", "作者简介", "The post ", " appeared first on ",
            "本文旨在", "本文刊发于", "版权说明", "广告声明", "12", "🔺", "☕", "▼", "声明：", "仅供参考", "不构成投资建议", "回复“",
            "后台回复", "公众号ID：", "星期三", "出品", "供稿", "（", "）", "【询底价】", "无法正常显示", "标签：", "二维码",
            "原标题：", "（作者单位：", "第12期", " · ", "•", "©", "Copyright", "著作权归", "人赞同了该回答", "赞同 ", "条评论",
            "往期", "»", "欢迎转发", "菜单栏", "题图来自", "立即订阅", "不作为", "专家简介", "临江发布",
            "图自", "照片", ">>", "＞＞", "金麒麟分析师", "对本文", "亦有贡献", "帮助", "综合自", "编译自", "原文：", "地址：",
            "www.", "ISBN：", "9787020159611", "的回答", "赞同 · ", "评论文章", "关注我", "本文来自“", "”", "经授权发布",
            "扫描下方二维码", "1、", "回复【", "记者", "摄", "▲", "资料图", "组图", "图集",
            "以上信息", "以官方公告为准", "原题为《", "本刊发于", "请分享给", "戳这里查看", "→", "新闻热线：", "0571-8888 8888", "长按添加",
            "小助手", "领取", "联合出品", "2024年3月5日", "星期五", "文中数据", "阅读原文", "点击进入菜单", "版权归", "严禁转载");
    Random random = new Random(13);
    List<String> lines = new ArrayList<>();
    for (int n = 0; n < 50_000; n++) {
      StringBuilder line = new StringBuilder();
      int parts = 1 + random.nextInt(40);
      for (int k = 0; k < parts && line.length() < 110; k++) {
        line.append(pieces.get(random.nextInt(pieces.size())));
      }
      lines.add(line.toString());
    }
    for (String prose : List.of("今天天气很好，我们去公园散步。", "记者从市发展改革委获悉", "The quick brown fox")) {
      for (int r = 1; r <= 8; r++) {
        lines.add(prose.repeat(r) + "点击查看>>");
        lines.add("在" + prose.repeat(r));
        lines.add(prose.repeat(r) + "\uD83D\uDE00".repeat(r * 4));
        lines.add("\uD83D\uDE00".repeat(r * 4) + "打印本页" + "\uD83D\uDE00".repeat(r * 4));
        lines.add(prose.repeat(r) + "图片来源于网络");
        lines.add(" 相关阅读" + prose.repeat(r));
        lines.add("【免责声明】" + prose.repeat(r));
      }
    }
    for (String line : lines) {
      assertThat(BodyLines.isNoise(line)).as(line).isEqualTo(BodyLines.isNoiseByPatterns(line));
      assertThat(BodyLines.isTerminator(line)).as(line).isEqualTo(BodyLines.isTerminatorByPatterns(line));
    }
  }

  @Test
  void aSourceNamingSeveralOutletsKeepsThemAllUnlessAnotherCreditFollows() {
    assertThat(BodyLines.credits("信息来源: 甲空间技术研究院、乙运载火箭技术研究院等").source())
        .isEqualTo("甲空间技术研究院、乙运载火箭技术研究院等");
    assertThat(BodyLines.credits("来源：新华社、人民日报").source()).isEqualTo("新华社、人民日报");
    BodyLines.Credits two = BodyLines.credits("来源：新华社、编辑：李四");
    assertThat(two.source()).isEqualTo("新华社");
    assertThat(two.editor()).isEqualTo("李四");
    assertThat(BodyLines.credits("来源：人民网 编辑：王五").source()).isEqualTo("人民网");
  }
}
