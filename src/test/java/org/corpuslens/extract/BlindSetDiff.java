package org.corpuslens.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      Map<String, Integer> left = new HashMap<>();
      for (String g : gold) {
        left.merge(Whitespace.normalize(g), 1, Integer::sum);
      }
      List<String> extra = new ArrayList<>();
      for (String e : got) {
        String n = Whitespace.normalize(e);
        Integer k = left.get(n);
        if (k != null && k > 0) {
          left.put(n, k - 1);
        } else {
          extra.add(n);
        }
      }
      for (String g : gold) {
        String n = Whitespace.normalize(g);
        Integer k = left.get(n);
        if (k != null && k > 0) {
          left.put(n, k - 1);
          System.out.println("  - " + n);
        }
      }
      for (String e : extra) {
        System.out.println("  + " + e);
      }
    }
  }
}
