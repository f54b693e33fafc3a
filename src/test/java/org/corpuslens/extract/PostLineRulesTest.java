package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line rules of issue 13 applied to archive posts ({@link HtmlTextExtractor}). */
class PostLineRulesTest {

  @Test
  void creditLinesAreMetadataNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<div><p>作者 | 王小明</p><p>编辑 | 李晓红</p><p>头图 | 视觉中国</p>"
                + "<p>今年一季度，全市新增市场主体两万户。</p><p>来源 | 城市晚报</p></div>");
    assertThat(t.paragraphs()).containsExactly("今年一季度，全市新增市场主体两万户。");
    assertThat(t.editor()).isEqualTo("李晓红");
    assertThat(t.originalSource()).isEqualTo("城市晚报");
  }

  @Test
  void imageCreditAndWechatOriginLinesAreDropped() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>本文来自微信公众号：科技前沿观察（ID：techfront），作者：周明</p>"
                + "<p>芯片产业链的国产化率正在提高。</p><p>图片来源于网络，侵删</p>");
    assertThat(t.paragraphs()).containsExactly("芯片产业链的国产化率正在提高。");
    assertThat(t.originalSource()).isEqualTo("科技前沿观察");
  }

  @Test
  void promotionalLinesAreDropped() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>央行宣布下调存款准备金率零点二五个百分点。</p>"
                + "<p>海量资讯、精准解读，尽在财经APP，点击查看>></p>"
                + "<p>▷ <a href=\"/a\">一图读懂降准</a></p><p>▷ <a href=\"/b\">专家解读降准影响</a></p>");
    assertThat(t.paragraphs()).containsExactly("央行宣布下调存款准备金率零点二五个百分点。");
  }

  @Test
  void theAnswerAuthorBylineIsNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<div class=\"answer\"><strong><img class=\"avatar\" src=\"a.jpg\">"
                + "<span class=\"author\">青柠檬，</span><span class=\"bio\">天文爱好者</span></strong>"
                + "<div class=\"content\"><p>冬季空气干燥，透明度高。</p><img src=\"sky.jpg\"></div></div>");
    assertThat(t.paragraphs()).containsExactly("冬季空气干燥，透明度高。");
    assertThat(t.imageCount()).as("the avatar is not an image of the text").isEqualTo(1);
  }

  @Test
  void adBoxesByClassAndPlayerFallbacksAreNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<div class=\"video-box\"><video src=\"v.mp4\">您的浏览器不支持 video 标签。</video>"
                + "<div class=\"video-tips\">视频加载中，请稍候...</div></div>"
                + "<p>湖区候鸟数量比去年同期增加三成。</p>"
                + "<div class=\"article-bottom-ad\"><ul><li><a href=\"/k\">新人专享：开户即领行情卡</a></li></ul></div>"
                + "<div id=\"shareBox\"><a href=\"#\">微博</a><a href=\"#\">微信</a></div>"
                + "<div class=\"header\"><p>头部的说明文字也是正文。</p></div>");
    assertThat(t.paragraphs()).containsExactly("湖区候鸟数量比去年同期增加三成。", "头部的说明文字也是正文。");
  }

  @Test
  void aRelatedListHeadDropsItsLinksUntilTextResumes() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>春季是过敏高发期，外出可佩戴口罩。</p><h3>相关阅读</h3>"
                + "<ul><li><a href=\"/1\">春季过敏高发，这些误区别再踩了</a></li>"
                + "<li><a href=\"/2\">花粉浓度预报怎么看？</a></li></ul>"
                + "<p>如症状持续，应及时就医。</p>");
    assertThat(t.paragraphs()).containsExactly("春季是过敏高发期，外出可佩戴口罩。", "如症状持续，应及时就医。");
  }

  @Test
  void appFollowPromptsAndAClosingReporterCreditAreNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p><strong>点击上方蓝字关注我们</strong></p><p>全县新建乡村公路一百二十公里。</p>"
                + "<p>（记者 柯雨桐）</p><p>下载北川新闻客户端，看更多本地新闻</p>");
    assertThat(t.paragraphs()).containsExactly("全县新建乡村公路一百二十公里。");
  }

  @Test
  void anAttachmentListIsNotTextButTheSignatureAfterItIs() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>请各单位于9月30日前报送申报材料。</p><p>附件：</p>"
                + "<p><a href=\"/f1.docx\">1.智能工厂申报书.docx</a></p><p><a href=\"/f2.xlsx\">2.申报汇总表.xlsx</a></p>"
                + "<p>临川市工业和信息化局</p><p>2023年9月1日</p>");
    assertThat(t.paragraphs()).containsExactly("请各单位于9月30日前报送申报材料。", "临川市工业和信息化局", "2023年9月1日");
  }

  @Test
  void nothingAfterAnEndMarkOrAnAuthorBioIsTextButItsCreditsCount() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>晶圆代工产能利用率回升至八成以上。</p><p>- END -</p><p>『半导体第一垂直媒体』</p>"
                + "<p>实时 专业 原创 深度</p><p>编辑：孟夏</p><p>作者简介</p><p>韩知远，研究院主任。</p>");
    assertThat(t.paragraphs()).containsExactly("晶圆代工产能利用率回升至八成以上。");
    assertThat(t.editor()).isEqualTo("孟夏");
    assertThat(HtmlTextExtractor.extract("<p>作者简介</p><p>正文第一段，不会因为开头的标题被丢掉。</p>").paragraphs())
        .as("an end mark before any text ends nothing").contains("正文第一段，不会因为开头的标题被丢掉。");
  }

  @Test
  void anEditorsAddressIsNotPartOfTheName() {
    assertThat(HtmlTextExtractor.extract("<p>正文一句。</p><p>责任编辑：顾北 bei.gu@example.com</p>").editor()).isEqualTo("顾北");
    assertThat(HtmlTextExtractor.extract("<p>正文一句。</p><p>责任编辑：数字经济组 林可</p>").editor()).isEqualTo("数字经济组 林可");
  }

  @Test
  void sentencesThatMentionCreditsStayText() {
    String[] lines = {
      "作者认为，这一政策将在未来三年内产生明显效果。",
      "记者：您从什么时候开始学竹编？",
      "本报责任编辑：周五值班",
      "来源于生活的艺术，往往最能打动人。",
      "2022年4月15日，碳排放权交易市场开市满一周年。",
    };
    for (String line : lines) {
      assertThat(HtmlTextExtractor.extract("<p>" + line + "</p>").paragraphs()).as(line).containsExactly(line);
    }
  }

  // ---- round 6 of the blind posts (session 16)

  @Test
  void anEndMarkGluedToTheLastSentenceGoesAndTheSentenceStays() {
    ExtractedText t =
        HtmlTextExtractor.extract("<p>当地制种面积稳定在百万亩以上。</p><p>种子销往全国二十多个省份。（完）</p><p>【完】</p>");
    assertThat(t.paragraphs()).containsExactly("当地制种面积稳定在百万亩以上。", "种子销往全国二十多个省份。");
    assertThat(BodyLines.withoutEndMark("（完）")).as("the mark alone is a noise line, left whole here").isEqualTo("（完）");
    assertThat(BodyLines.withoutEndMark("他说：“还没完”")).isEqualTo("他说：“还没完”");
  }

  @Test
  void aQaSitesQuestionAndAuthorAboveTheVoteLineAreNotTheAnswer() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<h2>第一次买房，选新房还是二手房？</h2><div class=a><p>林间</p><p>房地产估价师 · 从业十年</p></div>"
                + "<p>1,326 人赞同了该回答</p><p>先说结论：看你最在意什么。</p><p>新房的好处是房龄新，坏处是交付慢。</p>"
                + "<p>著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。</p>"
                + "<p>赞同 1326 218 条评论 分享 收藏 喜欢</p>");
    assertThat(t.paragraphs()).containsExactly("先说结论：看你最在意什么。", "新房的好处是房龄新，坏处是交付慢。");
  }

  @Test
  void aVoteLineFarDownIsNoReasonToDropTheTextAboveIt() {
    StringBuilder html = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      html.append("<p>第").append(i).append("段，讲的是新房与二手房的区别。</p>");
    }
    html.append("<p>12 人赞同了该回答</p>");
    assertThat(HtmlTextExtractor.extract(html.toString()).paragraphs()).hasSize(6);
  }

  @Test
  void feedFurnitureOfRoundSixIsNotText() {
    String text = "<p>县城消费呈现新的特征。</p>";
    for (String line : new String[] {
      "原标题：券商板块集体走强 多家机构称并购重组主线值得关注",
      "（原标题：暑期托管班“一座难求”，社区公益课堂成“及时雨”）",
      "（作者单位：华东某大学马克思主义学院）",
      "第112期 · 2024年3月9日",
      "临江发布 · 权威发布 · 贴心服务",
      "© 2024 慢读周刊",
      "Copyright © 2024 Example Media. All rights reserved.",
      "如果你喜欢本刊，欢迎转发给朋友",
      "往期早报 >>",
      "预约挂号请点击公众号菜单栏“就医服务—预约挂号”",
      "题图来自 Unsplash，基于 CC0 协议",
      "订阅财新通讯，第一时间获取能源与环境深度报道 立即订阅",
      "声明：本文仅用于健康科普，不作为诊断和治疗的依据，如有不适请及时就医。",
      "声明：本文为作者原创，部分图片来源于网络，如有侵权请联系删除。",
      "（本文不构成投资建议，据此操作风险自担）",
    }) {
      assertThat(HtmlTextExtractor.extract(text + "<p>" + line + "</p>").paragraphs()).as(line)
          .containsExactly("县城消费呈现新的特征。");
    }
  }

  @Test
  void standingBylinesAndAuthorLabelsAreCredits() {
    assertThat(BodyLines.credits("澎湃新闻记者 罗一鸣 实习生 唐可欣").author()).isEqualTo("罗一鸣");
    assertThat(BodyLines.credits("财汇时报记者 宋佳宁").author()).isEqualTo("宋佳宁");
    assertThat(BodyLines.credits("本文作者：木木").author()).isEqualTo("木木");
    assertThat(BodyLines.credits("图文：耳鼻咽喉科 孟繁华")).isNotNull();
    // a sentence about reporters is text
    assertThat(BodyLines.credits("记者从市发展改革委获悉")).isNull();
    assertThat(BodyLines.credits("本报记者 近日走访了三家工厂，发现订单回暖。")).isNull();
  }

  @Test
  void anExpertsBioAndARiskNoteEndThePost() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>过敏性鼻炎要避开过敏原。</p><p>专家简介</p><p>孟繁华，主任医师，从事临床工作二十余年。</p>"
                + "<p>编辑：郑雨桐</p>");
    assertThat(t.paragraphs()).containsExactly("过敏性鼻炎要避开过敏原。");
    assertThat(t.editor()).isEqualTo("郑雨桐");
    ExtractedText risk =
        HtmlTextExtractor.extract(
            "<p>公司拟定增募资不超过十八亿元。</p><p>风险提示：原材料价格大幅波动风险；行业竞争加剧。</p>"
                + "<p>市场有风险，投资需谨慎。</p>");
    assertThat(risk.paragraphs()).containsExactly("公司拟定增募资不超过十八亿元。");
  }

  @Test
  void portalCreditsAndPromotionsOfRealFeedsAreNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>封面图片来源：本报记者 周立 摄 资料图</p><p>图自 东湖观察网</p>"
                + "<p>华东晨报（www.example.cn）记者 王悦 李青 北京报道</p>"
                + "<p>今年前三季度，全省新登记企业同比增长一成。</p>"
                + "<p>图表：陈敏</p><p>数据来源：某某数据库，制图：星空数据</p>"
                + "<p>（刘骞对本文采访整理亦有贡献）</p>"
                + "<p>《 东湖日报海外版 》（ 2021年09月20日 第 03 版）</p>"
                + "<p>每经编辑 黄胜</p><p>东湖经济新闻综合自某某官方微信号、公开资料</p>"
                + "<p>炒股就看金麒麟分析师研报，权威，专业，及时，全面，助您挖掘潜力主题机会！</p>"
                + "<p>扫二维码，3分钟极速开户>></p><p>原文：https://example.com/s/abc</p><p>ISBN：9787020159611</p>");
    assertThat(t.paragraphs()).containsExactly("今年前三季度，全省新登记企业同比增长一成。");
    assertThat(t.editor()).isEqualTo("黄胜");
    assertThat(t.originalSource()).isNull();
  }

  @Test
  void theResponsibleEditorOutranksAnEarlierEditorCreditAndLosesItsStaffCode() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>作者 | 冯晓亭</p><p>编辑 |  曹   杨</p><p>来源/燃财经截图</p><p>年轻人换工作的频率越来越高。</p>"
                + "<p class=\"article-editor\">责任编辑：梁斌 SF055</p>");
    assertThat(t.paragraphs()).containsExactly("年轻人换工作的频率越来越高。");
    assertThat(t.editor()).isEqualTo("梁斌");
    assertThat(t.originalSource()).as("a picture's credit names no source of the story").isNull();

    ExtractedText spaced = HtmlTextExtractor.extract("<p>年轻人换工作的频率越来越高。</p><p>编辑 |  曹   杨</p>");
    assertThat(spaced.editor()).as("a name spaced out to fill a column").isEqualTo("曹杨");
  }

  @Test
  void aRepostNoteInQuotesNamesTheOriginAndTheEditor() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>旧手机的回收率仍然很低。</p><p>本文来自“东湖科技”，作者：张俊，编辑：靖宇，某某网经授权发布。</p>");
    assertThat(t.paragraphs()).containsExactly("旧手机的回收率仍然很低。");
    assertThat(t.originalSource()).isEqualTo("东湖科技");
    assertThat(t.editor()).isEqualTo("靖宇");
  }

  @Test
  void aWiresDatelineNamesTheEditorWhenNoCreditLineDoes() {
    ExtractedText t =
        HtmlTextExtractor.extract("<p><strong>财联社9月13日讯（编辑 卞纯）</strong>美国企业对经济前景的担忧升温。</p><p>分析师下调了盈利预期。</p>");
    assertThat(t.paragraphs()).hasSize(2);
    assertThat(t.editor()).isEqualTo("卞纯");
    assertThat(HtmlTextExtractor.extract("<p>新华社北京9月13日电 记者从有关部门获悉。</p>").editor()).isNull();
  }

  @Test
  void aKeyPointsBoxAtTheTopIsASummaryNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>划重点：</p><p>1、年轻人不愿卖掉旧手机。</p><p>2、回收商压价太狠。</p>"
                + "<p>旧手机的回收率仍然很低。</p><p>1、隐私是第一顾虑。</p>");
    assertThat(t.paragraphs()).as("numbered lines below the box are text again")
        .containsExactly("旧手机的回收率仍然很低。", "1、隐私是第一顾虑。");
  }

  @Test
  void aQaFeedsQuestionAboveTheAnswerIsTheHeadline() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<div class=\"question\">\n为什么秋天还这么热？你那里热吗？\n\n<div class=\"answer\">"
                + "<span class=\"author\">某人</span><div class=\"content\"><p>副热带高压偏北。</p><p>台风也少。</p></div></div></div>");
    assertThat(t.paragraphs()).containsExactly("副热带高压偏北。", "台风也少。");
    ExtractedText answerHead =
        HtmlTextExtractor.extract("<p>某某的回答</p><p>露营要先选好营地。</p><p>某某：露营装备清单 25 赞同 · 3 评论文章</p>");
    assertThat(answerHead.paragraphs()).containsExactly("露营要先选好营地。");
  }

  @Test
  void aPostsFirstParagraphRepeatingItsTitleIsDroppedUnlessItIsAllThereIs() {
    String body = "<p>四部门明确APP必要个人信息范围 运营者不得“出圈”</p><p>四部门近日联合印发规定。</p>";
    assertThat(HtmlTextExtractor.extractPost(body, "四部门明确APP必要个人信息范围 运营者不得_出圈_").paragraphs())
        .containsExactly("四部门近日联合印发规定。");
    assertThat(HtmlTextExtractor.extractPost("<p>5亿元，某市设立首支科创母基金</p>", "5亿元，某市设立首支科创母基金").paragraphs())
        .as("a title-only body keeps its one line, so the post still counts")
        .containsExactly("5亿元，某市设立首支科创母基金");
    assertThat(HtmlTextExtractor.extractPost(body, "另一个标题").paragraphs()).hasSize(2);
  }

  @Test
  void aScheduleLineIsTextAndAStarredImageCreditIsNot() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>第一阶段：打基础</p><p>时间：3-6个月</p><p>先把教材通读一遍。</p><p>*头图来源：The Verge</p>"
                + "<p>关注我和 @某某亲子 ，养育路上，咱们一起成长~</p>");
    assertThat(t.paragraphs()).containsExactly("第一阶段：打基础", "时间：3-6个月", "先把教材通读一遍。");
    assertThat(HtmlTextExtractor.extract("<p>发布时间：2024-03-05 10:21</p><p>正文一句。</p>").paragraphs())
        .containsExactly("正文一句。");
  }

  @Test
  void aNumberedHowToStepMentioningTheMenuIsTextAndAnOriginalTitleNoteIsNot() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>1．关注“某某出行”公众号</p><p>2．点击菜单服务栏“合规查询”</p><p>3．输入车牌号即可查询。</p>"
                + "<p>预约挂号请点击公众号菜单栏“就医服务”</p><p>（原题为《关于征求意见的通知》）</p>");
    assertThat(t.paragraphs()).containsExactly("1．关注“某某出行”公众号", "2．点击菜单服务栏“合规查询”", "3．输入车牌号即可查询。");
  }

  @Test
  void anArticlesHeaderBlockAndExcerptAreNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<div class=\"article-detail-hd media\"><div class=\"info\"><p>《某剧》</p><ul><li>地点：某剧场</li></ul></div>"
                + "<h2 class=\"title\">某剧时隔七年再演</h2></div><div class=\"article-detail-bd\"><p class=\"excerpt\">一句导语。</p>"
                + "<p>该剧讲述了一位父亲的故事。</p><div class=\"img-hd\"><img src=\"a.jpg\"><p>剧照</p></div></div>");
    assertThat(t.paragraphs()).as("an hd block of an image is no header").containsExactly("该剧讲述了一位父亲的故事。", "剧照");
  }

  @Test
  void aLineOfNamesRightAfterACreditContinuesItButElsewhereIsText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>作者 | 冯晓婷</p><p>谢中秀  张 琳</p><p>年轻人换工作的频率越来越高。</p><p>北京 上海 广州</p><p>图集</p>"
                + "<p>编辑 | 李明</p><p>导 读</p><p>本文梳理三个要点。</p>");
    assertThat(t.paragraphs()).as("a spaced-out heading is no list of names")
        .containsExactly("年轻人换工作的频率越来越高。", "北京 上海 广州", "导 读", "本文梳理三个要点。");
  }

  @Test
  void creditsAndAccountFurnitureOfRealPagesAreNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>执笔/叨叨姐、胡一刀</p><p>本文原标题：《定了！某某邮轮母港即将开通》</p><p>《棱镜》作者 周纯</p>"
                + "<p>邮轮母港将于下月开通。</p><p>▲本报全媒体图片记者黎某、李某摄</p><p>资料图</p>"
                + "<p>（资料来源：参考消息、海外网等）</p><p>图片均来自网络</p><p>扫描下方二维码解锁更多技能</p>"
                + "<p>3、回复【社保】查询社保缴纳记录</p><p>点击菜单栏【便民服务】解锁更多服务！</p>"
                + "<p>整顿仍将持续。返回某某网首页>></p>");
    assertThat(t.paragraphs()).containsExactly("邮轮母港将于下月开通。", "整顿仍将持续。");
    assertThat(t.originalSource()).as("the material's sources are not the story's").isNull();
  }

  // --- round 3 of real posts (other outlets of the archive), each form on a post written for it ---

  @Test
  void aSummaryAboveTheTextIsNotTextByItsLabelOrItsBoxButLaterSummariesAre() {
    ExtractedText labelled = HtmlTextExtractor.extract(
        "<div><div><b>摘要：</b>旧厂房变身创意街区，老街坊有了新去处。</div>"
            + "<p>记者从区文旅局获悉，东湖创意街区将于下月开放。</p><p>摘要：本段是正文里的一句话。</p></div>");
    assertThat(labelled.paragraphs())
        .containsExactly("记者从区文旅局获悉，东湖创意街区将于下月开放。", "摘要：本段是正文里的一句话。");

    ExtractedText boxed = HtmlTextExtractor.extract(
        "<div><div class=\"description\"><p>放弃定期投入仍是亏损的主要原因。</p></div>"
            + "<p>某平台近日披露了持有人盈亏分布。</p><p>数据显示，多数持有人暂时亏损。</p></div>");
    assertThat(boxed.paragraphs()).containsExactly("某平台近日披露了持有人盈亏分布。", "数据显示，多数持有人暂时亏损。");

    String longBox = "这是一段很长的导语。".repeat(40);
    ExtractedText notASummary = HtmlTextExtractor.extract(
        "<div><div class=\"description\"><p>" + longBox + "</p></div><p>第二段。</p></div>");
    assertThat(notASummary.paragraphs()).as("a long block so named is the text").hasSize(2);
  }

  @Test
  void threeOrMoreLinkedHeadlinesInARowAreAListOfOtherArticlesFewerOrAnchorsStay() {
    String lead = "<p>一本假想两国在二〇三四年开战的小说日前首发，两位作者都曾是军人。</p>";
    String related = "<ul><li><a href=\"https://example.org/a1.html\"><strong>学者：外交姿态服务于国内宣传</strong></a></li>"
        + "<li><strong><a href=\"https://example.org/a2.html\">对话前夕官员措辞强硬 冲突可能性增加</a></strong></li>"
        + "<li><a href=\"https://example.org/a3.html\">军机同一天飞越海峡 会擦枪走火吗？</a></li></ul>";
    String rest = "<p>小说描述了一场由误判引发的冲突。</p>";
    assertThat(HtmlTextExtractor.extract("<div>" + lead + related + rest + "</div>").paragraphs())
        .containsExactly("一本假想两国在二〇三四年开战的小说日前首发，两位作者都曾是军人。", "小说描述了一场由误判引发的冲突。");
    assertThat(HtmlTextExtractor.extract("<div>" + lead + related + "</div>").paragraphs())
        .as("at the end too").hasSize(1);

    String two = "<ul><li><a href=\"/b1\">延伸：冲突推演的三种情景</a></li><li><a href=\"/b2\">延伸：海上危机管控机制</a></li></ul>";
    assertThat(HtmlTextExtractor.extract("<div>" + lead + two + rest + "</div>").paragraphs())
        .as("two links are no list of articles").hasSize(4);

    String contents = "<h2>本期导读</h2><ul><li><a href=\"#s1\">转型金融目录：从白名单到路径图</a></li>"
        + "<li><a href=\"#s2\">碳账户试点观察：减排量如何计量</a></li><li><a href=\"#s3\">项目动态｜培训走进湖岭</a></li></ul>";
    assertThat(HtmlTextExtractor.extract("<div>" + lead + contents + rest + "</div>").paragraphs())
        .as("a contents list of this page's own sections stays").hasSize(6);

    String sentences = "<ul><li><a href=\"/c1\">第一项措施已经落地。</a></li><li><a href=\"/c2\">第二项措施正在推进。</a></li>"
        + "<li><a href=\"/c3\">第三项措施明年实施。</a></li></ul>";
    assertThat(HtmlTextExtractor.extract("<div>" + lead + sentences + "</div>").paragraphs())
        .as("linked sentences are text").hasSize(4);
  }

  @Test
  void pictureCreditsRiskNotesAuthorNotesAndRepostNotesAreNotText() {
    ExtractedText t = HtmlTextExtractor.extract(
        "<div><p>以下转载自媒体整理：</p><p>古镇灯会今年新增智慧灯杆示范路。</p><pre>朱泾镇供图</pre>"
            + "<p>题图和文图为《街上的孩子们》剧照 来自某某剧团</p>"
            + "<p>首先，下载安装《个人所得税》app。如果条件允许，推荐使用人脸识别注册。</p>"
            + "<p>（本文作者张某系某大学研究院助理研究员）<b>推荐阅读</b>：</p>"
            + "<p>仅供投资者参考，不构成投资建议</p></div>");
    assertThat(t.paragraphs()).containsExactly(
        "古镇灯会今年新增智慧灯杆示范路。", "首先，下载安装《个人所得税》app。如果条件允许，推荐使用人脸识别注册。");
    assertThat(HtmlTextExtractor.extract("<p>看更多本地新闻，请下载“南屿+”客户端。</p><p>正文一句。</p>").paragraphs())
        .as("an app promotion after a comma, with 请").containsExactly("正文一句。");
    assertThat(HtmlTextExtractor.extract("<p>张三在车间调试设备。受访者供图</p>").paragraphs())
        .as("a caption ending in its credit is a caption").hasSize(1);
  }

  @Test
  void columnAndTextEditorsAreEditorCredits() {
    ExtractedText t = HtmlTextExtractor.extract(
        "<div><p>古镇灯会今年新增智慧灯杆示范路。</p><div><span>栏目主编：黄某</span>\n<span>文字编辑：黄某</span></div></div>");
    assertThat(t.paragraphs()).containsExactly("古镇灯会今年新增智慧灯杆示范路。");
    assertThat(t.editor()).isEqualTo("黄某");
  }

  @Test
  void aTableOfFiguresInAPostIsNotTextButATableOfProseIsAndSoAreCategoryTagsAndTheNote() {
    StringBuilder data = new StringBuilder("<table><tr><th>证券代码</th><th>证券简称</th><th>调研次数</th><th>最新收盘价（元）</th><th>行业</th></tr>");
    String[][] rows = {{"300001", "甲乙股份", "3", "26.39", "纺织服装"}, {"002002", "丙丁科技", "1", "46.60", "医药生物"}};
    for (String[] r : rows) {
      data.append("<tr>");
      for (String c : r) {
        data.append("<td>").append(c).append("</td>");
      }
      data.append("</tr>");
    }
    data.append("</table>");
    ExtractedText t = HtmlTextExtractor.extract("<div><p>近五日共有两家公司获机构调研。</p>" + data
        + "<div class=\"txt_zhu\">注：本文系新闻报道，不构成投资建议，股市有风险，投资需谨慎。</div>"
        + "<div class=\"fenlei1\">机构调研</div><div class=\"fenlei2\">机构、调研、走访</div></div>");
    assertThat(t.paragraphs()).containsExactly("近五日共有两家公司获机构调研。");

    String prose = "<table><tr><td>处理器</td><td>X7，16核22线程，最高4.8GHz</td></tr><tr><td>内存</td><td>32GB，板载双通道</td></tr>"
        + "<tr><td>屏幕</td><td>14英寸，120Hz刷新率</td></tr></table>";
    assertThat(HtmlTextExtractor.extract("<div><p>新机的配置如下。</p>" + prose + "</div>").paragraphs())
        .contains("处理器", "X7，16核22线程，最高4.8GHz", "32GB，板载双通道");
  }

  // --- round 5 of real posts (人民日报, 澎湃新闻, 东方网) ---

  @Test
  void aPapersTipOffBoxEndsTheTextAndItsCopyrightLineGoes() {
    ExtractedText t = HtmlTextExtractor.extract(
        "<div><p>下阶段，市场监管局将加强免罚清单执行力度。</p><p>晚报记者 王某</p><div>\n我要爆料\n"
            + "<span>联系电话：021-00000000</span>\n<span>某某网新闻未经授权不得转载</span></div></div>");
    assertThat(t.paragraphs()).containsExactly("下阶段，市场监管局将加强免罚清单执行力度。");
    assertThat(HtmlTextExtractor.extract("<p>正文一句。</p><p>本网新闻未经授权，不得转载。</p>").paragraphs())
        .containsExactly("正文一句。");
  }

  @Test
  void anInterviewCardAndAnEditorsNoteSignedByTheEditorsAreNotTheArticle() {
    ExtractedText card = HtmlTextExtractor.extract(
        "<div><p>采访对象：王某，1950年生，浙江人。曾任某厅副厅长、某会理事长。2013年退休。</p><p>采 访 组：李某 张某某 陈某</p>"
            + "<p>采访日期：2017年9月18日</p><p>采访地点：杭州市某饭店</p>"
            + "<p>采访组：王某同志，您好！请您谈谈当年的工作。</p><p>王某：那时候我们每周开一次会。</p></div>");
    assertThat(card.paragraphs())
        .as("the questions of the interview stay").containsExactly("采访组：王某同志，您好！请您谈谈当年的工作。", "王某：那时候我们每周开一次会。");

    ExtractedText note = HtmlTextExtractor.extract(
        "<div><p>意见要求，充分发挥农村基层党组织领导作用。</p><p>记者日前在多地采访，看各地如何用党建激活乡村振兴。</p>"
            + "<p>——编 者</p><p><strong>一个支部带活一个村</strong></p><p>清晨，村党支部书记已经在地头忙开了。</p></div>");
    assertThat(note.paragraphs()).containsExactly("一个支部带活一个村", "清晨，村党支部书记已经在地头忙开了。");
  }

  @Test
  void theOriginalTitleAfterAColonAndAnIllustratorsCreditGoButACaptionWithItsCreditStays() {
    ExtractedText t = HtmlTextExtractor.extract(
        "<div><p>教育部近日印发新版职业教育专业目录。</p><p>赵某某　绘</p><p>图说：活动现场 五里供图</p>"
            + "<p>（原题为：教育部印发《职业教育专业目录（2021年）》）</p></div>");
    assertThat(t.paragraphs()).containsExactly("教育部近日印发新版职业教育专业目录。", "图说：活动现场 五里供图");
    assertThat(HtmlTextExtractor.extract("<div><p>更多报道</p><p><a href=\"/x\">某某任某省委常委</a></p></div>").paragraphs())
        .as("更多报道 heads a related list").isEmpty();
  }

  // --- round 6 of real posts (多维新闻, 证券时报 数据宝, 中证网, 中山网) ---

  @Test
  void aChartsScriptShownAsTextIsNotTextButCodeInPreOrCodeElementsIs() {
    String script = "|CHART| var option = {title : {text: '小市值个股分布较多的行业',x:'center'},tooltip : {trigger: 'item'},"
        + "series : [{name:'',type:'pie',data:[{value:116, name:'机械设备'},{value:82, name:'化工'}]}]};|CHART|";
    ExtractedText t = HtmlTextExtractor.extract("<div><p>两市共777只个股流通市值不足20亿元。</p>" + script + "<p>（数据宝）</p></div>");
    assertThat(t.paragraphs()).noneMatch(p -> p.contains("var option"));
    assertThat(HtmlTextExtractor.extract("<div><p>配置如下：</p><pre>" + script + "</pre></div>").paragraphs())
        .as("in a pre element it is the post's code").anyMatch(p -> p.contains("var option"));
    assertThat(HtmlTextExtractor.extract("<div><p>配置如下：<code>" + script + "</code></p></div>").paragraphs())
        .anyMatch(p -> p.contains("var option"));
    assertThat(BodyLines.isCodeLine("他说：“我们{不}会{放弃}。”")).as("a few braces in prose").isFalse();
  }

  @Test
  void aPromptOrAListHeadGluedAfterTheLastSentenceGoesAndTheLinksAfterTheHeadToo() {
    ExtractedText t = HtmlTextExtractor.extract(
        "<div><p>一则含有中方发言内容的评论获得了最多的赞。<b>会晤现场画面（点击图集浏览）：</b></p>"
            + "<p>接种比例为0.66%。↓想知道其他地方民众的生活，请点击放大观看：</p>"
            + "<p>拜登政府希望这些政策不会消失。<b>推荐阅读</b>：</p>"
            + "<p><a href=\"/r1\">另一篇文章的标题</a></p></div>");
    assertThat(t.paragraphs()).containsExactly(
        "一则含有中方发言内容的评论获得了最多的赞。", "接种比例为0.66%。", "拜登政府希望这些政策不会消失。");
    assertThat(BodyLines.withoutTrailingPrompt("主要措施如下：")).as("a lead-in of a list stays").isEqualTo("主要措施如下：");
    assertThat(HtmlTextExtractor.extract("<p>花农正在采收迷迭香。</p><p>视觉江西 魏某 摄</p><p>（简历来源于某市政府网站）</p>"
        + "<p>（转自3月15日《某某体育报》03版）</p><p>我们在现场拍摄</p>").paragraphs())
        .as("credits alone on their lines go, a sentence ending in 拍摄 stays").containsExactly("花农正在采收迷迭香。", "我们在现场拍摄");
    assertThat(HtmlTextExtractor.extract("<p>山顶盒最早出现在上世纪。</p><p>▲ 图片来自：Shoreline Area News</p>"
        + "<p>▲ 早期的山顶盒包装。图片来自：Curbed</p>").paragraphs())
        .as("a caption that is only its credit goes, a caption with its credit stays")
        .containsExactly("山顶盒最早出现在上世纪。", "▲ 早期的山顶盒包装。图片来自：Curbed");
    assertThat(HtmlTextExtractor.extract("<p>该项目正式毕业。</p><p>点击某某云了解更多解决方案</p>"
        + "<p>参考链接：CentOS Linux 8 is EOL, what next?</p><p>点击下方按钮了解更多。</p>").paragraphs())
        .as("a promotion and a translation's reference go; a sentence stays")
        .containsExactly("该项目正式毕业。", "点击下方按钮了解更多。");
    assertThat(HtmlTextExtractor.extract("<p>本次分享介绍点过程模型。</p><p>想了解更多某某社直播？</p><p>欢迎移步某某社区~</p>"
        + "<p>你心目中的年度热词是什么？欢迎在留言区与我们互动！</p><p>加小某微信有惊喜（吓）</p>"
        + "<p>专家建议，企业应在微信公众号上及时发布信息。</p>").paragraphs())
        .as("a community's promotions go, a sentence about WeChat stays")
        .containsExactly("本次分享介绍点过程模型。", "专家建议，企业应在微信公众号上及时发布信息。");
    assertThat(HtmlTextExtractor.extract("<p>赛事将于国庆期间举行。</p><p>（@OlyExpress）</p>").paragraphs())
        .as("an account credited alone").containsExactly("赛事将于国庆期间举行。");
    assertThat(BodyLines.withoutTrailingPrompt("研究人员说，具体方法如下：")).isEqualTo("研究人员说，具体方法如下：");
  }

  // ---- round 7 of the blind posts (session 20): finance, tech and society feeds

  @Test
  void outletsCopyrightReprintAndHotlineLinesGoSentencesAboutThemStay() {
    ExtractedText t = HtmlTextExtractor.extract("<p>公司一季度净利润同比增长。</p>"
        + "<p>南方某报版权所有，未经书面授权，不得转载。</p>"
        + "<p>本网站所刊登的某某证券报各种新闻、信息和专题资料，均为某某证券报版权所有，未经协议授权，禁止下载使用。</p>"
        + "<p>如需转载请与《某某经济新闻》报社联系。</p>"
        + "<p>未经《某某经济新闻》报社授权，严禁转载或镜像，违者必究。</p>"
        + "<p>读者热线：4008000000</p>"
        + "<p>违法和不良信息举报电话：0755-12345678 邮箱：jubao@example.com</p>"
        + "<p>特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。如您不希望作品出现在本站，可联系我们要求撤下您的作品。</p>"
        + "<p>法院认定，被告未经授权转载原告文章的行为构成侵权，判令赔偿两万元。</p>"
        + "<p>这套软件的版权所有者是一家初创公司。</p>");
    assertThat(t.paragraphs()).containsExactly("公司一季度净利润同比增长。",
        "法院认定，被告未经授权转载原告文章的行为构成侵权，判令赔偿两万元。", "这套软件的版权所有者是一家初创公司。");
  }

  @Test
  void promotionsContactsAndCardsGoBusinessNewsStays() {
    ExtractedText t = HtmlTextExtractor.extract("<p>新规将于下月起施行。</p>"
        + "<p>某某财经广告合作，请点击这里</p>"
        + "<p>商务合作：bd@example.com 投稿：tougao@example.com</p>"
        + "<p>更多精彩内容，关注某某媒体微信号（ID：moumei），或者下载某某媒体App</p>"
        + "<p>（某某 ID：Mouke42）整个宇宙，有趣的都在这里 → 点个在看再走吧</p>"
        + "<p>点个「在看」，把健康知识分享给更多人 ❤️</p>"
        + "<p>如有需要请联系 sns@example.com</p>"
        + "<p>文章代表作者个人观点，某某派仅对标题和排版略作修改。</p>"
        + "<p>&gt; 特惠、好用的硬件产品，尽在 某某派官方店铺 🛒</p>"
        + "<p>经济观察报记者 关注房地产及地方债务领域，新闻线索请联系：someone@example.com</p>"
        + "<p>查看评论（126）</p><p>访问：</p>"
        + "<p>两家公司宣布在云计算领域展开商务合作。</p>"
        + "<p>用户可在应用内搜索ID：abc123找到该功能。</p>");
    assertThat(t.paragraphs()).containsExactly("新规将于下月起施行。",
        "两家公司宣布在云计算领域展开商务合作。", "用户可在应用内搜索ID：abc123找到该功能。");
  }

  @Test
  void theLinkUnderALoneAddressLabelIsAnAdALinkedSentenceElsewhereStays() {
    ExtractedText t = HtmlTextExtractor.extract("<p>报告发现多款路由器存在漏洞。</p><p>访问：</p>"
        + "<p><a href=\"https://example.com/go/cloud\">某某云 - 云服务器新用户特惠 爆款产品低至 99 元/年</a></p>"
        + "<p><a href=\"https://example.com/report\">报告全文已在官网发布。</a></p>");
    assertThat(t.paragraphs()).containsExactly("报告发现多款路由器存在漏洞。", "报告全文已在官网发布。");
  }

  @Test
  void creditsWithTheOutletGluedToTheLabelAndPictureCredits() {
    ExtractedText t = HtmlTextExtractor.extract("<p>某某新闻记者 | 陈雨</p><p>某某新闻编辑 | 宋佳</p>"
        + "<p>咖啡连锁品牌加速下沉。</p><p>▲图/视觉中国</p><p>图片来源@视觉中国</p>"
        + "<p>每经记者：刘思远 每经编辑：陈梦</p><p>南方某报记者 何静远 南方某报实习生 宋雨晨</p>");
    assertThat(t.paragraphs()).containsExactly("咖啡连锁品牌加速下沉。");
    assertThat(t.editor()).isEqualTo("宋佳");
    assertThat(BodyLines.credits("每经记者：刘思远 每经编辑：陈梦").editor()).isEqualTo("陈梦");
    assertThat(BodyLines.credits("本报责任编辑：周五值班")).as("a word glued to a label is no credit").isNull();
  }

  @Test
  void aCaptionWithItsPictureCreditAfterItStays() {
    ExtractedText t = HtmlTextExtractor.extract("<p>温泉街的游客明显增多。</p>"
        + "<p>樱濑町的温泉街 资料图 图源：视觉中国</p>"
        + "<p>有箱子可躲的猫，往往更快适应新环境 | 图片来源：Pixabay</p>"
        + "<p>▲老周店里挂满了无人领取的老照片（孟琪 摄）</p>"
        + "<p>资料图 图源：视觉中国</p><p>（张某 摄）</p>");
    assertThat(t.paragraphs()).containsExactly("温泉街的游客明显增多。", "樱濑町的温泉街 资料图 图源：视觉中国",
        "有箱子可躲的猫，往往更快适应新环境 | 图片来源：Pixabay", "▲老周店里挂满了无人领取的老照片（孟琪 摄）");
  }

  @Test
  void summaryBoxesAColumnsRepostNoteAndARelatedHead() {
    ExtractedText t = HtmlTextExtractor.extract("<p>本文来自某某专栏：远川证券研究，作者：王磊、陈一凡</p>"
        + "<p>摘要</p><p>铜价突破前高源于宏观预期改善与供给扰动共振。</p>"
        + "<p>近期铜价持续走强。</p><p>百万用户都在看</p><p><a href=\"/n/1\">突发！三大指数集体跳水</a></p>");
    assertThat(t.paragraphs()).containsExactly("近期铜价持续走强。");
    assertThat(t.originalSource()).isEqualTo("远川证券研究");
    assertThat(HtmlTextExtractor.extract("<p>【导读】第二批浮动费率基金获批，三档费率设计成为看点</p><p>近日，第二批产品获批。</p>")
        .paragraphs()).containsExactly("近日，第二批产品获批。");
    assertThat(HtmlTextExtractor.extract("<p>摘要</p>").paragraphs()).as("a lone head with nothing after it").isEmpty();
    assertThat(HtmlTextExtractor.extract("<p>记者走访发现，摘要类信息往往被忽略。</p><p>摘要</p><p>这一段是正文。</p>").paragraphs())
        .as("only above the text").containsExactly("记者走访发现，摘要类信息往往被忽略。", "摘要", "这一段是正文。");
  }

  @Test
  void theResponsibleEditorEndsBeforeTheNextLabelAndAFlashsBracketedHeadlineGoes() {
    assertThat(HtmlTextExtractor.extract("<p>存款利率再度下调。</p><p>　　责任编辑：周韵　主编：陈立</p>").editor()).isEqualTo("周韵");
    assertThat(HtmlTextExtractor.extract("<p>一段正文。</p><p>责任编辑：数字经济组 林可</p>").editor())
        .as("a team and a name stay one value").isEqualTo("数字经济组 林可");
    ExtractedText flash = HtmlTextExtractor.extractPost(
        "<div>【欧洲央行3月利率决议声明要点】<br>金十数据3月6日讯，欧洲央行宣布维持利率不变。<br>1. 通胀前景改善。</div>",
        "欧洲央行3月利率决议声明要点");
    assertThat(flash.paragraphs()).containsExactly("金十数据3月6日讯，欧洲央行宣布维持利率不变。", "1. 通胀前景改善。");
  }

  // ---- round 8 of the blind posts (session 20): developer, game and social feeds

  @Test
  void engagementFollowAndLinkBarLinesGoSentencesAboutLikesStay() {
    ExtractedText t = HtmlTextExtractor.extract("<p>缓存穿透可以用布隆过滤器挡住。</p>"
        + "<p>觉得有用的话，点赞 + 收藏 + 关注三连支持一下吧！有问题欢迎评论区留言~</p>"
        + "<p>我是前端小林，一个爱折腾构建工具的打工人。关注我，带你少踩坑～ 点赞👍 收藏⭐ 不迷路！</p>"
        + "<p>欢迎关注作者的微信公众号：「某某体验设计」</p>"
        + "<p>#欢迎关注某某官方微信公众号：某某（微信号：mouifan），更多精彩内容第一时间为您奉上。</p>"
        + "<p>某某 | 原文链接 · 查看评论 · 新浪微博</p>"
        + "<p>手机扫一扫，阅读下载更方便˃ʍ˂</p>"
        + "<p>该视频发布一周获得10万点赞和2万收藏。</p>");
    assertThat(t.paragraphs()).containsExactly("缓存穿透可以用布隆过滤器挡住。", "该视频发布一周获得10万点赞和2万收藏。");
  }

  @Test
  void platformNotesAdsAndForumFurnitureGo() {
    ExtractedText t = HtmlTextExtractor.extract("<p>theme: smartblue</p>"
        + "<p>本文已参与「新人创作礼」活动，一起开启某某创作之路。</p>"
        + "<p>首页 › NAS</p><p>RiverFox · 3 小时 8 分钟前 · 2147 次点击</p>"
        + "<p>家里的 NAS 需要配 UPS 吗？</p><p>第 1 条附言 · 1 小时 40 分钟前</p>"
        + "<p>游戏截图：</p><p>更多相关资讯请关注：星海拓荒者专区</p>"
        + "<p>某某招聘｜我们正在寻找热爱游戏的编辑和作者，点击查看详情。</p>"
        + "<p>【广告】某某数据招聘前端工程师，可远程工作。</p>"
        + "<p>*本文系作者投稿，不代表某某社立场。</p>"
        + "<p>本文为某某中文站特供稿件，首发地址为 https://example.com/article/x9Kd2mQ ，未经作者许可，禁止转载。</p>"
        + "<p>本节目音频版同步上线小宇宙、苹果播客，搜索“某某”即可收听。</p>"
        + "<p>本杂志开源，欢迎投稿。合作请邮件联系（weekly@example.com）。</p>"
        + "<p>——————</p><p>（图片为楼主自拍，请勿搬运）</p><p>（下载某某新闻，报料有奖！）</p>");
    assertThat(t.paragraphs()).containsExactly("家里的 NAS 需要配 UPS 吗？");
    assertThat(HtmlTextExtractor.extract("<p>公司去年招聘了三百名应届生。</p><p>他说：“这个主题：很难写。”</p>"
        + "<p>春季招聘：企业岗位需求回升</p><p>很多网友点赞并收藏了这条视频，称赞“太暖了吧”。</p>").paragraphs())
        .containsExactly("公司去年招聘了三百名应届生。", "他说：“这个主题：很难写。”", "春季招聘：企业岗位需求回升",
            "很多网友点赞并收藏了这条视频，称赞“太暖了吧”。");
  }

  @Test
  void socialPostsCountersTagHeadlinesAndRelatedHeads() {
    ExtractedText t = HtmlTextExtractor.extract("<p>#南湖地铁三条新线开通#【南湖地铁三条新线今天同步开通】</p>"
        + "<p>三条新线今天上午同步开通运营。</p>"
        + "<p>来自圈子：独立开发者 · 328 赞 · 47 评论</p><p>❤️ 1.2万 ⭐ 3456 💬 289</p><p>编辑于 06-09 浙江</p>"
        + "<p>今日好文推荐</p><p><a href=\"/a/1\">放弃 Kubernetes 之后，我们的运维成本降了一半</a></p>");
    assertThat(t.paragraphs()).containsExactly("三条新线今天上午同步开通运营。");
    assertThat(BodyLines.credits("图据：视觉中国")).as("图据 credits a picture").isNotNull();
    assertThat(BodyLines.credits("主播：西瓜 / 老K")).isNotNull();
  }

  @Test
  void aKeyPointsBoxClosedByATextLabelIsNoText() {
    String box = "<p><strong>核心观点：</strong></p><blockquote><p>春节以来，小盘价值逆势上涨。</p></blockquote>"
        + "<blockquote><p>市场风格从寻找指数机会转向寻找个股机会。</p></blockquote>";
    ExtractedText labelled = HtmlTextExtractor.extract(box + "<p><strong>正文：</strong></p><p><strong>风格突变</strong></p>"
        + "<p>春节之后的市场和春节之前的市场感觉就是两个世界。</p>");
    assertThat(labelled.paragraphs()).containsExactly("风格突变", "春节之后的市场和春节之前的市场感觉就是两个世界。");
    ExtractedText unlabelled = HtmlTextExtractor.extract(box + "<p>春节之后的市场和春节之前的市场感觉就是两个世界。</p>");
    assertThat(unlabelled.paragraphs()).as("without the label the writers keep the box").containsExactly(
        "核心观点：", "春节以来，小盘价值逆势上涨。", "市场风格从寻找指数机会转向寻找个股机会。",
        "春节之后的市场和春节之前的市场感觉就是两个世界。");
  }

  @Test
  void aSummaryRunningOnUntilTheReportsFirstSectionIsNoText() {
    StringBuilder html = new StringBuilder("<p><strong>摘要</strong><br></p>");
    for (int i = 1; i <= 4; i++) {
      html.append("<p><strong>要点").append(i).append("</strong>。第").append(i).append("段摘要的内容。</p>");
    }
    html.append("<p><b>一、通胀预期继续蔓延</b></p><p>2020年，面对突如其来的疫情，各国推出刺激政策。</p>");
    assertThat(HtmlTextExtractor.extract(html.toString()).paragraphs())
        .containsExactly("一、通胀预期继续蔓延", "2020年，面对突如其来的疫情，各国推出刺激政策。");
    // a section far below the summary: the paragraphs between are the text (only the summary goes)
    StringBuilder far = new StringBuilder("<p>摘要</p><p>本文讨论城市更新。</p>");
    for (int i = 1; i <= ParagraphCollector.MAX_SUMMARY_BOX_PARAGRAPHS + 1; i++) {
      far.append("<p>第").append(i).append("段正文。</p>");
    }
    far.append("<p>一、旧改的账</p>");
    ExtractedText t = HtmlTextExtractor.extract(far.toString());
    assertThat(t.paragraphs()).startsWith("第1段正文。").endsWith("一、旧改的账")
        .hasSize(ParagraphCollector.MAX_SUMMARY_BOX_PARAGRAPHS + 2);
  }

  @Test
  void readersCommentsUnderACommentsHeadAreNoText() {
    ExtractedText t = HtmlTextExtractor.extract("<p>中国已经完成协定的核准。</p><p>　　网友评论</p><p>　　网友：为祖国骄傲！</p>"
        + "<p>北京网友小李：点赞。</p><p>　　协定由序言、20个章节组成。</p><p>网友：这句在评论区外，是正文的引语吗？</p>");
    assertThat(t.paragraphs()).containsExactly("中国已经完成协定的核准。", "协定由序言、20个章节组成。",
        "网友：这句在评论区外，是正文的引语吗？");
  }

  @Test
  void aPicturesCreditInItsCaptionIsNoText() {
    ExtractedText t = HtmlTextExtractor.extract("<figure><img src=\"a.jpg\"><figcaption><span></span> <cite>Pool photo by A. Photographer</cite>"
        + "</figcaption></figure><p>会晤没有发表联合声明。</p><figure><img src=\"b.jpg\"><figcaption><span>周六聚集的抗议者。</span> "
        + "<cite>Jane Roe for The New York Times</cite></figcaption></figure><p>抗议活动持续了一整天。</p>");
    assertThat(t.paragraphs()).containsExactly("会晤没有发表联合声明。", "周六聚集的抗议者。", "抗议活动持续了一整天。");
  }

  @Test
  void anArrowLineWithoutALinkIsASubheading() {
    ExtractedText t = HtmlTextExtractor.extract("<p>市场风格发生了变化。</p><p><strong>▶ 中小盘价值占优意味着什么？</strong></p>"
        + "<p>小盘价值相对占优出现过四次。</p><p><strong>▷ 往期推荐</strong></p><p>▷ <a href=\"/a\">一图读懂降准</a></p>"
        + "<p>▶ 点击阅读原文</p>");
    assertThat(t.paragraphs()).containsExactly("市场风格发生了变化。", "▶ 中小盘价值占优意味着什么？", "小盘价值相对占优出现过四次。");
  }

  @Test
  void videoPointersIssueLinesAndOtherIssuesLinksAreNoText() {
    ExtractedText t = HtmlTextExtractor.extract("<p>回顾一周社区热门资讯</p><p>第【九十六】期：20210123-20210129</p>"
        + "<p>本周，某浏览器标准组织宣布新规范成为正式标准。</p><p>上期：<a href=\"/a\">某公司源码出现新字段 | 搜索引擎改协议</a></p>"
        + "<p>往期：<a href=\"/b\">一周热点</a></p><p>本视频作者：阑夕</p><p>全部内容请看视频↑</p>");
    assertThat(t.paragraphs()).containsExactly("回顾一周社区热门资讯", "本周，某浏览器标准组织宣布新规范成为正式标准。");
    assertThat(HtmlTextExtractor.extract("<p>第三期培训班共有四十人参加，为期一周。</p><p>上期节目播出后，观众反响热烈。</p>"
        + "<p>完整视频请关注后续报道，我们将持续跟进。</p>").paragraphs())
        .as("sentences with the same words stay").hasSize(3);
  }

  @Test
  void traditionalScriptAndEnglishCreditLabels() {
    ExtractedText t = HtmlTextExtractor.extract("<p>發佈時間：2023/11/21 14:35</p><p>葵涌新建公共圖書館下月開幕。</p>"
        + "<p>圖片來源 ： 某攝影師</p><p>責任編輯：陳大文</p><p>Source: 某日報【疫情大事記】</p>");
    assertThat(t.paragraphs()).containsExactly("葵涌新建公共圖書館下月開幕。");
    assertThat(t.editor()).isEqualTo("陳大文");
    assertThat(t.originalSource()).isEqualTo("某日報");
    assertThat(HtmlTextExtractor.extract("<p>來源：香江時報</p><p>市民排隊入場。</p>").originalSource()).isEqualTo("香江時報");
  }

  @Test
  void creditsAndPictureSourcesOfRound8() {
    ExtractedText t = HtmlTextExtractor.extract("<p>编者按：本文来自微信公众号“某某智能”（ID:ai_x），作者：某社，编辑：小雅，某网经授权发布。</p>"
        + "<p>文／油醋</p><p>本文最初发表于某框架博客网站，由某中文站翻译分享。</p><p>二手交易平台的用户规模持续增长。</p>"
        + "<p>（数据来源：根据交通运输部数据计算。）</p><p>其他图片来自作者收集截图</p>"
        + "<p>图10 视频红包图片来源：https://tech.example.com/a/20190201/008373.htm</p>"
        + "<p>作者：老王，一个不愿意透露体重的90后产品经理，公众号《老王修炼指南》唯一作者。</p><p>专题主编：七公子小刀</p>");
    assertThat(t.paragraphs()).containsExactly("二手交易平台的用户规模持续增长。");
    assertThat(t.originalSource()).isEqualTo("某某智能");
    assertThat(HtmlTextExtractor.extract("<p>作者 | 某某</p><p>来源 | 某某云原生公众号</p><p>函数计算发布镜像加速功能。</p>")
        .originalSource()).isEqualTo("某某云原生");
    assertThat(HtmlTextExtractor.extract("<p>函数计算发布镜像加速功能。</p><p>文章来源：港股研究社，转载请注明版权。</p>")
        .originalSource()).isEqualTo("港股研究社");
    assertThat(HtmlTextExtractor.extract("<p>编者按：本文讨论城市更新中的三个难题。</p><p>旧改的账怎么算？</p>").paragraphs())
        .as("an editor's note of its own stays whole").containsExactly("编者按：本文讨论城市更新中的三个难题。", "旧改的账怎么算？");
  }

  @Test
  void aPlatformsLeadNoticeAndTipBoxAreNoText() {
    ExtractedText t = HtmlTextExtractor.extract("<p>编辑导语：本文作者分享了关于临期食品的创业机会，我们一起来了解一下。</p>"
        + "<p>临期食品行业正在快速增长。</p><p>本文由@某某大侠 原创发布于某某产品经理网。未经作者许可，禁止转载。</p>"
        + "<p>给作者打赏，鼓励TA抓紧创作！</p><p>1人打赏</p>");
    assertThat(t.paragraphs()).containsExactly("临期食品行业正在快速增长。");
    assertThat(HtmlTextExtractor.extract("<p>他说，本文由三部分组成，发布于去年的报告是其基础。</p><p>有三人打赏了这位主播。</p>")
        .paragraphs()).as("sentences with the same words stay").hasSize(2);
  }

  @Test
  void translationCreditsTipOffsCitedAddressesBylinesAndContentsBoxes() {
    ExtractedText t = HtmlTextExtractor.extract("<div class=\"post-toc-content\"><div class=\"post-toc-title\">文章目录</div>"
        + "<ol class=\"nav\"><li><a href=\"http://blog.example/2020/#a\"><span>新冠疫情</span></a></li></ol></div>"
        + "<p>原文作者：Chris Coyier</p><p>译文出自：某某翻译计划</p><p>本文永久链接：github.com/example/gold-m…</p>"
        + "<p>译者：霜羽 Hoarfroster</p><p>校对者：Kim Yang、Chorer</p><p>by Connor Lau</p>"
        + "<p>感谢IT之家网友 打工轨道人 的线索投递！</p><h2 id=\"toc-1\">一、新冠疫情</h2><p>今年过得很不一样。</p>"
        + "<p>（https://twitter.com/example/status/1215847045610655744）</p>"
        + "<p>如果发现译文存在错误或其他需要改进的地方，欢迎到 某某翻译计划 对译文进行修改并 PR，也可获得相应奖励积分。文章开头的 本文永久链接 即为本文在 GitHub 上的 MarkDown 链接。</p>"
        + "<p>某某翻译计划 是一个翻译优质互联网技术文章的社区，文章来源为 某某 上的英文分享文章。内容覆盖 Android、iOS、前端、后端、区块链、产品、设计、人工智能等领域，想要查看更多优质译文请持续关注 某某翻译计划、官方微博、知乎专栏。</p>");
    assertThat(t.paragraphs()).containsExactly("一、新冠疫情", "今年过得很不一样。");
    assertThat(t.editor()).as("a translator or proofreader is no editor").isNull();
    assertThat(HtmlTextExtractor.extract("<p>感谢各位读者提供的线索，我们将继续追踪报道这一事件的后续进展。</p><p>By the way, it works.</p>")
        .paragraphs()).as("sentences with the same words stay").hasSize(2);
  }
}
