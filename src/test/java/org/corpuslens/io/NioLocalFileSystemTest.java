package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system that sets permissions without a chmod process: the same permissions as Hadoop's. */
class NioLocalFileSystemTest {
  @TempDir Path dir;

  @Test
  void octalPermissionsBecomeTheirPosixSetsAndAStickyBitIsLeftToHadoop() {
    assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0750)))).isEqualTo("rwxr-x---");
    assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0644)))).isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0421)))).isEqualTo("r---w---x");
    assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0)))).isEqualTo("---------");
    assertThat(NioLocalFileSystem.posix(new FsPermission((short) 01777))).isNull();
  }

  @Test
  void directoriesAndFilesGetThePermissionsAskedFor() throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.permissions.umask-mode", "000"); // the permissions asked for, unmasked
    try (FileSystem fs = new NioLocalFileSystem()) {
      fs.initialize(URI.create("file:///"), conf);
      org.apache.hadoop.fs.Path sub = new org.apache.hadoop.fs.Path(dir.resolve("a/b").toUri());
      assertThat(fs.mkdirs(sub, new FsPermission((short) 0750))).isTrue();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b")))).isEqualTo("rwxr-x---");
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(sub, "part-0");
      try (OutputStream out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20, null)) {
        out.write(new byte[] {1, 2, 3});
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part-0")))).isEqualTo("rw-r-----");
      assertThat(Files.readAllBytes(dir.resolve("a/b/part-0"))).containsExactly(1, 2, 3);
      fs.setPermission(file, new FsPermission((short) 0604));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part-0")))).isEqualTo("rw----r--");
    }
  }

  @Test
  void thePreSparkConfigurationNamesTheSameFileSystemAsTheSession() throws Exception {
    Configuration conf = SparkSessions.hadoopConfiguration();
    assertThat(conf.get("fs.file.impl")).isEqualTo(NioLocalFileSystem.class.getName());
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf)) {
      assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
    }
  }
}
