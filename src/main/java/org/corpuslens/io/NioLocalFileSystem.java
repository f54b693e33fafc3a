package org.corpuslens.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file:}), setting permissions with {@code java.nio} instead of
 * a {@code chmod} process. Without the native Hadoop library (the case for Spark from Maven
 * Central), {@link RawLocalFileSystem} runs {@code chmod} in a new process for every directory
 * and file it creates with a permission: 164 processes for the 50 posts of {@code sample-data},
 * each a fork of the job's JVM and a search of the {@code PATH}. The permissions set are the same
 * (read, write, execute of user, group and others); a sticky bit, a file system without POSIX
 * attributes, or the native library loaded leave it to Hadoop's own way.
 *
 * <p>Set as {@code spark.hadoop.fs.file.impl} by {@link SparkSessions}; a user's own setting wins.
 */
public class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** {@link RawLocalFileSystem} with {@link #setPermission} through {@code java.nio}. */
  public static class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      Set<PosixFilePermission> posix = posix(permission);
      if (posix == null || NativeIO.isAvailable()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix);
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission); // no POSIX attributes here: Hadoop's chmod
      }
    }
  }

  /** The POSIX permissions of {@code permission}, or null when it has a sticky bit (not expressible in java.nio). */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    if (permission.getStickyBit()) {
      return null;
    }
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    add(out, permission.getUserAction(),
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    add(out, permission.getGroupAction(),
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);
    add(out, permission.getOtherAction(),
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    return out;
  }

  private static void add(
      Set<PosixFilePermission> out, FsAction action, PosixFilePermission r, PosixFilePermission w, PosixFilePermission x) {
    if (action.implies(FsAction.READ)) {
      out.add(r);
    }
    if (action.implies(FsAction.WRITE)) {
      out.add(w);
    }
    if (action.implies(FsAction.EXECUTE)) {
      out.add(x);
    }
  }
}
