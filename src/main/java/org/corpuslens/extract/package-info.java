/**
 * Text extraction: turns a post body (HTML of many shapes, or plain text) into the main-text
 * paragraphs, editor, original source and image count of {@link
 * org.corpuslens.extract.ExtractedText}, following the extraction contract. Entry point: {@link
 * org.corpuslens.extract.HtmlTextExtractor}.
 */
package org.corpuslens.extract;
