package org.corpuslens.extract;

/**
 * The editor a page names, from its credit lines in order: the first one, unless a later line
 * names the 责任编辑 ({@link BodyLines#namesResponsibleEditor}) where the first was a generic
 * {@code 编辑 X} credit (often the wire's or the source's editor, before the page's own).
 */
final class EditorChoice {
  private String name;
  private boolean responsible;

  /** Offers the editor {@code credits} gives for {@code line}; a line without one changes nothing. */
  void offer(BodyLines.Credits credits, String line) {
    if (credits == null || credits.editor() == null) {
      return;
    }
    if (name == null) {
      name = credits.editor();
      responsible = BodyLines.namesResponsibleEditor(line);
    } else if (!responsible && BodyLines.namesResponsibleEditor(line)) {
      name = credits.editor();
      responsible = true;
    }
  }

  String name() {
    return name;
  }

  boolean responsible() {
    return responsible;
  }
}
