package org.corpuslens.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** WARC files written with jwarc for the tests: a builder of records, gzip or plain. */
public final class WarcTestFiles {
  private final List<WarcRecord> records = new ArrayList<>();
  private final List<Long> offsets = new ArrayList<>();

  /** The byte offset at which each record was written, by the last {@link #bytes(boolean)}. */
  public List<Long> offsets() {
    return List.copyOf(offsets);
  }

  public static final Instant CRAWL = Instant.parse("2023-03-16T04:00:00Z");

  /** A Chinese news page with a body of {@code paragraphs}, written by hand for the tests. */
  public static String page(String title, String date, String... paragraphs) {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<p>").append(p).append("</p>\n");
    }
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "_测试新闻网</title>"
        + "<meta property=\"og:site_name\" content=\"测试新闻网\">"
        + (date == null ? "" : "<meta property=\"article:published_time\" content=\"" + date + "\">")
        + "</head><body><div class=\"nav\"><a href=\"/\">首页</a><a href=\"/a\">国内</a><a href=\"/b\">国际</a></div>"
        + "<h1>" + title + "</h1><div class=\"article\">" + body + "</div>"
        + "<div class=\"related\"><a href=\"/x\">相关新闻一则标题很长很长很长</a></div>"
        + "<div class=\"footer\">版权所有 测试新闻网</div></body></html>";
  }

  public WarcTestFiles warcinfo() throws IOException {
    records.add(new Warcinfo.Builder().filename("test.warc.gz").fields(Map.of("software", List.of("corpuslens-test"))).build());
    return this;
  }

  public WarcTestFiles request(String url) throws IOException {
    records.add(new WarcRequest.Builder(URI.create(url)).date(CRAWL).body(new HttpRequest.Builder("GET", URI.create(url)).build()).build());
    return this;
  }

  public WarcTestFiles response(String url, int status, String contentType, byte[] body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .body(contentType == null ? null : MediaType.parse(contentType), body).build();
    records.add(new WarcResponse.Builder(URI.create(url)).date(CRAWL).body(http).build());
    return this;
  }

  public WarcTestFiles html(String url, String html) throws IOException {
    return response(url, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public WarcTestFiles html(String url, String html, Charset charset, String declared) throws IOException {
    return response(url, 200, declared == null ? "text/html" : "text/html; charset=" + declared, html.getBytes(charset));
  }

  public WarcTestFiles resource(String url, String html) throws IOException {
    records.add(new WarcResource.Builder(URI.create(url)).date(CRAWL).body(MediaType.HTML_UTF8, html.getBytes(StandardCharsets.UTF_8)).build());
    return this;
  }

  public WarcTestFiles revisit(String url) throws IOException {
    records.add(new WarcRevisit.Builder(URI.create(url)).date(CRAWL).build());
    return this;
  }

  public WarcTestFiles metadata(String url) throws IOException {
    records.add(new WarcMetadata.Builder().targetURI(url).date(CRAWL).fields(Map.of("outlink", List.of(url + "/next"))).build());
    return this;
  }

  /** The WARC file: one gzip member per record, or plain. */
  public byte[] bytes(boolean gzip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
      offsets.clear();
      for (WarcRecord r : records) {
        offsets.add(writer.position());
        writer.write(r);
      }
    }
    return out.toByteArray();
  }
}
