/**
 * The corpus generator behind {@code corpuslens generate}: writes posts in the archive layout
 * (front matter, quirks, Sina-like, plain-text, nested HTML and {@code <br>} bodies, broken files,
 * exact duplicates) from HanLP's own dictionary words, with topic keywords inserted at known
 * places, and beside them the ground truth of what the pipeline must find.
 *
 * <p>Everything is a pure function of the seed and the post's index ({@link
 * org.corpuslens.generate.PostFactory}), so the same seed gives the same bytes, whatever the number
 * of threads.
 */
package org.corpuslens.generate;
