package org.abusedesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** A file holding a secret, which only its owner may read and write (mode 0600 or stricter), else it is not read. */
final class OwnerOnlyFile {

    /** What the file's mode may allow: its owner reads and writes it, nobody else anything (0600). */
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private OwnerOnlyFile() {}

    /**
     * Refuses the file, naming the option it was given with, unless nobody but its owner may read or change it;
     * {@code instead} says how else to give the secret where the file system keeps no POSIX permissions.
     */
    static void check(Path file, String option, String instead) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(option + " " + file + " does not exist");
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(option + " " + file
                    + " is on a file system without POSIX permissions, so nobody can tell who may read it: "
                    + instead);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + option + " " + file + ": " + e.getMessage());
        }
        if (!OWNER_ONLY.containsAll(mode)) {
            throw new IllegalStateException(option + " " + file + " has mode " + octal(mode)
                    + ", so others may read or change it: make it yours alone with `chmod 600 " + file + "`");
        }
    }

    /** The mode as {@code chmod} writes it, e.g. 0644. */
    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        // The constants are declared from OWNER_READ (0400) down to OTHERS_EXECUTE (0001).
        for (var permission : mode) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", bits);
    }
}
