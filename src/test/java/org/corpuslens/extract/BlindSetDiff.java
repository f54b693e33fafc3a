package org.corpuslens.extract;

import java.io.IOException;
import java.util.List;
import java.util.Properties;

/**
 * Prints, for each case of a blind set, the gold paragraphs the extractor missed ({@code -}) and the
 * lines it gave that are not gold ({@code +}): {@code BlindSetDiff blind|blind-posts [CASE...]}.
 */
public final class BlindSetDiff {

  private BlindSetDiff() {}

  public static void main(String[] args) throws IOException {
    String folder = args[0];
    List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : BlindSetScores.cases(folder);
    for (String name : names) {
      Properties meta = BlindSetScores.properties(folder, name);
      String html = BlindSetScores.text(folder, name + ".html");
      List<String> got;
      if (folder.equals("blind-posts")) {
        got = HtmlTextExtractor.extract(html).paragraphs();
      } else {
        PageText page = PageExtractor.extract(html, meta.getProperty("url"));
        got = page.paragraphs();
        System.out.printf("== %s title=%s date=%s source=%s editor=%s author=%s%n", name, page.title(),
            page.publishedAt(), page.source(), page.editor(), page.author());
      }
      List<String> gold = BlindSetScores.gold(folder, name);
      ParagraphScore s = ParagraphScore.of(got, gold);
      System.out.printf("== %s F1 %.3f (%d of %d gold, %d lines)%n", name, s.f1(), s.matched(), s.gold(), s.extracted());
      GoldSetScores.printDiff(got, gold);
    }
  }
}
