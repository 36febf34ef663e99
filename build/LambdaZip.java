import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs a function's zip smaller, after the assembly plugin has built it: every jar in {@code lib/} is stored
 * uncompressed inside the zip, and the zip deflates it whole. Deflating a jar's classes one by one, as a jar does,
 * cannot use what they share (package names, the SDK's generated model classes, which differ in little); deflating
 * the stored jar as one stream can, and makes the zip about a third smaller. Within a package, entries are put in
 * the order of their names read backwards, so that classes of one kind (…Request, …Response, …$BuilderImpl) lie
 * side by side; the manifest stays first. No class is changed, dropped or added, and the JVM reads a stored jar as
 * it reads any other.
 *
 * <p>Run as {@code java build/LambdaZip.java target/<function>.zip}; the zip is replaced in place.
 */
public final class LambdaZip {

    private LambdaZip() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java build/LambdaZip.java <function zip>");
            System.exit(2);
        }
        Path zip = Path.of(args[0]);
        long before = Files.size(zip);
        Path packed = zip.resolveSibling(zip.getFileName() + ".packing");
        try (var in = new ZipInputStream(Files.newInputStream(zip));
                var out = new ZipOutputStream(Files.newOutputStream(packed))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (isLibrary(entry.getName())) {
                    content = stored(content);
                }
                var copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        Files.move(packed, zip, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %,d bytes (%,d as assembled)%n", zip.getFileName(), Files.size(zip), before);
    }

    private static boolean isLibrary(String name) {
        return name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0;
    }

    /** The jar with every entry stored, not deflated, in the order {@link #ORDER} gives. */
    private static byte[] stored(byte[] jar) throws IOException {
        record Entry(ZipEntry entry, byte[] content) {}
        var entries = new ArrayList<Entry>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(new Entry(entry, in.readAllBytes()));
            }
        }
        entries.sort(Comparator.comparing(e -> e.entry().getName(), ORDER));
        var bytes = new ByteArrayOutputStream(jar.length * 3);
        try (var out = new ZipOutputStream(bytes)) {
            for (var e : entries) {
                var copy = new ZipEntry(e.entry().getName());
                copy.setTime(e.entry().getTime());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(e.content().length);
                copy.setCompressedSize(e.content().length);
                var crc = new CRC32();
                crc.update(e.content());
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(e.content());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** META-INF first, as a jar's readers expect its manifest; then by package, and by name read backwards. */
    private static final Comparator<String> ORDER = Comparator.<String, Boolean>comparing(
                    name -> !name.startsWith("META-INF/"))
            .thenComparing(name -> name.startsWith("META-INF/") ? "" : folder(name))
            .thenComparing(name -> name.startsWith("META-INF/") ? "" : reversed(fileName(name)));

    private static String folder(String name) {
        int slash = name.lastIndexOf('/', name.length() - 2);
        return slash < 0 ? "" : name.substring(0, slash);
    }

    private static String fileName(String name) {
        return name.substring(folder(name).length());
    }

    private static String reversed(String text) {
        return new StringBuilder(text).reverse().toString();
    }

}
