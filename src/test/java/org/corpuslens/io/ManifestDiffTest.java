package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.corpuslens.io.ManifestDiff.Entry;
import org.corpuslens.io.ManifestDiff.Status;
import org.junit.jupiter.api.Test;

class ManifestDiffTest {
  /** A listed path with known size, time and hash; counts how often its bytes were hashed. */
  private static final class Listed implements ManifestDiff.Current {
    final String path;
    final String kind;
    final long size;
    final long modified;
    final long hash;
    final AtomicInteger hashed = new AtomicInteger();

    Listed(String path, String kind, long size, long modified, long hash) {
      this.path = path;
      this.kind = kind;
      this.size = size;
      this.modified = modified;
      this.hash = hash;
    }

    static Listed file(long size, long modified, long hash) {
      return new Listed("file:/a/x.md", ManifestDiff.FILE, size, modified, hash);
    }

    @Override public String path() { return path; }
    @Override public String kind() { return kind; }
    @Override public long size() { return size; }
    @Override public long modified() { return modified; }

    @Override
    public long hash() {
      hashed.incrementAndGet();
      return hash;
    }
  }

  private static Entry before(long size, long modified, Long hash) {
    return new Entry("file:/a/x.md", ManifestDiff.FILE, size, modified, hash);
  }

  @Test
  void aNewFileIsHashedForTheNextManifest() throws IOException {
    Listed now = Listed.file(100, 5000, 42);
    ManifestDiff.Outcome o = ManifestDiff.compare(null, now);
    assertThat(o.status()).isEqualTo(Status.NEW);
    assertThat(o.entry()).isEqualTo(new Entry("file:/a/x.md", ManifestDiff.FILE, 100, 5000, 42L));
    assertThat(now.hashed).hasValue(1);
  }

  @Test
  void sameSizeAndTimeIsUnchangedWithoutReadingTheFile() throws IOException {
    Listed now = Listed.file(100, 5000, 999); // a different hash would show if it were read
    ManifestDiff.Outcome o = ManifestDiff.compare(before(100, 5000, 42L), now);
    assertThat(o.status()).isEqualTo(Status.UNCHANGED);
    assertThat(o.entry().hash()).isEqualTo(42L);
    assertThat(now.hashed).hasValue(0);
  }

  @Test
  void aTouchedFileWithTheSameBytesIsUnchangedAndTakesItsNewTime() throws IOException {
    Listed now = Listed.file(100, 9000, 42);
    ManifestDiff.Outcome o = ManifestDiff.compare(before(100, 5000, 42L), now);
    assertThat(o.status()).isEqualTo(Status.UNCHANGED);
    assertThat(o.entry().modified()).isEqualTo(9000);
    assertThat(now.hashed).hasValue(1);
  }

  @Test
  void otherBytesOrAnotherSizeIsChanged() throws IOException {
    assertThat(ManifestDiff.compare(before(100, 5000, 42L), Listed.file(100, 9000, 43)).status()).isEqualTo(Status.CHANGED);
    assertThat(ManifestDiff.compare(before(100, 5000, 42L), Listed.file(101, 5000, 42)).status()).isEqualTo(Status.CHANGED);
    // a file that could not be read last time (recorded with time 0, no hash) is read again
    assertThat(ManifestDiff.compare(before(100, 0, null), Listed.file(100, 0, 42)).status()).isEqualTo(Status.CHANGED);
  }

  @Test
  void withoutHashingNothingIsReadAndOnlySizeAndTimeDecide() throws IOException {
    // a plain full run: new files get no hash
    Listed fresh = Listed.file(100, 5000, 42);
    ManifestDiff.Outcome o = ManifestDiff.compare(null, fresh, false);
    assertThat(o).isEqualTo(new ManifestDiff.Outcome(Status.NEW, new Entry("file:/a/x.md", ManifestDiff.FILE, 100, 5000, null)));
    assertThat(fresh.hashed).hasValue(0);
    // its entry, met again with the same size and time: unchanged, unread
    Listed same = Listed.file(100, 5000, 42);
    assertThat(ManifestDiff.compare(o.entry(), same, true).status()).isEqualTo(Status.UNCHANGED);
    assertThat(same.hashed).hasValue(0);
    // touched: no recorded hash to compare with, so changed (read again), now with its hash
    Listed touched = Listed.file(100, 9000, 42);
    ManifestDiff.Outcome t = ManifestDiff.compare(o.entry(), touched, true);
    assertThat(t).isEqualTo(new ManifestDiff.Outcome(Status.CHANGED, new Entry("file:/a/x.md", ManifestDiff.FILE, 100, 9000, 42L)));
    // without hashing, a touched file with a recorded hash is changed too, and nothing is read
    Listed touchedAgain = Listed.file(100, 9500, 42);
    assertThat(ManifestDiff.compare(t.entry(), touchedAgain, false).status()).isEqualTo(Status.CHANGED);
    assertThat(touchedAgain.hashed).hasValue(0);
  }

  @Test
  void aPathNoLongerListedIsDeletedAndKeepsItsEntry() throws IOException {
    Entry e = before(100, 5000, 42L);
    assertThat(ManifestDiff.compare(e, null)).isEqualTo(new ManifestDiff.Outcome(Status.DELETED, e));
    assertThatThrownBy(() -> ManifestDiff.compare(null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listedRejectsAreNeverHashedAndAFileThatBecameOneIsChanged() throws IOException {
    Listed tooLarge = new Listed("file:/a/x.md", ManifestDiff.LISTED_REJECT, 30_000_000, 0, 0);
    ManifestDiff.Outcome o = ManifestDiff.compare(before(100, 5000, 42L), tooLarge);
    assertThat(o.status()).isEqualTo(Status.CHANGED);
    assertThat(o.entry()).isEqualTo(new Entry("file:/a/x.md", ManifestDiff.LISTED_REJECT, 30_000_000, 0, null));
    assertThat(tooLarge.hashed).hasValue(0);
    assertThat(ManifestDiff.compare(o.entry(), tooLarge).status()).isEqualTo(Status.UNCHANGED);
    assertThat(ManifestDiff.compare(o.entry(), Listed.file(100, 6000, 42)).status()).isEqualTo(Status.CHANGED);
  }

  @Test
  void theOwnerOfARowIsItsFile() {
    assertThat(ManifestDiff.ownerOf("file:/a/x.md")).isEqualTo("file:/a/x.md");
    assertThat(ManifestDiff.ownerOf("file:/a/dump.jsonl#12")).isEqualTo("file:/a/dump.jsonl");
    assertThat(ManifestDiff.ownerOf("file:/a/posts.tar.gz!/p/1.md")).isEqualTo("file:/a/posts.tar.gz");
    assertThat(ManifestDiff.ownerOf("file:/a/posts.zip!/d.jsonl#3")).isEqualTo("file:/a/posts.zip");
    assertThat(ManifestDiff.ownerOf("file:/a/c#sharp.md")).isEqualTo("file:/a/c#sharp.md");
  }
}
