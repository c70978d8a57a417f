package org.fieldplan.data.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zip bombs built in the test, cheaply: one deflate block that encodes 1 MiB of zeros (by back-references into the
 * zeros before it) is compressed once and written again and again, so a few GiB of zeros cost a few MB of archive
 * and no deflating time.
 */
final class ZipBombs {

    private static final int MIB = 1 << 20;
    private static final int PRIMER = 64 * 1024;

    private ZipBombs() {
    }

    /**
     * A zip with one entry of {@code PRIMER + mebibytes} MiB of zeros.
     *
     * @param honest whether the archive declares the true inflated size, or claims 1,000 bytes
     * @return the inflated size
     */
    static long write(Path file, String entryName, int mebibytes, boolean honest) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[MIB];
        byte[] primer = flushed(deflater, zeros, PRIMER);
        byte[] block = flushed(deflater, zeros, MIB);
        deflater.finish();
        byte[] tail = drain(deflater, Deflater.NO_FLUSH);
        deflater.end();

        long inflated = PRIMER + (long) mebibytes * MIB;
        long compressed = primer.length + (long) mebibytes * block.length + tail.length;
        CRC32 crc = new CRC32();
        crc.update(zeros, 0, PRIMER);
        for (int i = 0; i < mebibytes; i++) {
            crc.update(zeros);
        }
        long declared = honest ? inflated : 1000;
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), MIB)) {
            out.write(header(0x04034b50, name, crc.getValue(), compressed, declared, -1));
            out.write(primer);
            for (int i = 0; i < mebibytes; i++) {
                out.write(block);
            }
            out.write(tail);
            long centralOffset = 30 + name.length + compressed;
            byte[] central = header(0x02014b50, name, crc.getValue(), compressed, declared, 0);
            out.write(central);
            out.write(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 1).putShort((short) 1).putInt(central.length)
                    .putInt((int) centralOffset).putShort((short) 0).array());
        }
        return inflated;
    }

    /** A zip of {@code count} tiny entries. */
    static void manyEntries(Path file, int count) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".txt"));
                zip.write('x');
                zip.closeEntry();
            }
        }
    }

    /** A local (localOffset &lt; 0) or central directory header of a deflated entry. */
    private static byte[] header(int signature, byte[] name, long crc, long compressed, long inflated,
            int localOffset) {
        boolean central = localOffset >= 0;
        ByteBuffer b = ByteBuffer.allocate((central ? 46 : 30) + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(signature);
        if (central) {
            b.putShort((short) 20);
        }
        b.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc).putInt((int) compressed).putInt((int) inflated).putShort((short) name.length)
                .putShort((short) 0);
        if (central) {
            b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(localOffset);
        }
        return b.put(name).array();
    }

    private static byte[] flushed(Deflater deflater, byte[] zeros, int length) {
        deflater.setInput(zeros, 0, length);
        return drain(deflater, Deflater.SYNC_FLUSH);
    }

    private static byte[] drain(Deflater deflater, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (flush == Deflater.SYNC_FLUSH ? !deflater.needsInput() || out.size() == 0 : !deflater.finished()) {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
            if (flush == Deflater.SYNC_FLUSH && n < buffer.length && deflater.needsInput()) {
                break;
            }
        }
        return out.toByteArray();
    }
}
