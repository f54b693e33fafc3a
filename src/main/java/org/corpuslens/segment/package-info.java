/**
 * Chinese word segmentation for term statistics.
 *
 * <p>{@link org.corpuslens.segment.SegmenterConfig} (custom words, stop words) is a serializable
 * value the driver builds and ships; {@link org.corpuslens.segment.Segmenters#get} turns it into
 * one shared {@link org.corpuslens.segment.HanLpSegmenter} per JVM; {@link
 * org.corpuslens.segment.HanLpSegmenter#segment} returns the {@link org.corpuslens.segment.Token}s
 * worth counting. {@link org.corpuslens.segment.StopWords} reads the shipped list and user lists.
 * The HanLP settings were chosen by measurement: see {@code bench/segmenter.md}.
 */
package org.corpuslens.segment;
