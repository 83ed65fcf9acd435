package io.agora.media;

import java.util.TreeMap;

/**
 * Compile-only stand-in for the reference's packing buffer {@code ByteBuf} (out of scope: the
 * packing is token-core's). It exists so that the reference's {@code AccessToken2Test} compiles
 * unchanged; every method throws, so the one test that reads packed bytes with it cannot pass
 * on code of ours.
 */
public final class ByteBuf {
    public ByteBuf(byte[] bytes) {
        throw new UnsupportedOperationException("ByteBuf: the reference's packing helpers are out of scope"
                + " (compat stand-in, not part of the agoratoken jar)");
    }

    public byte[] readBytes() {
        throw new UnsupportedOperationException();
    }

    public String readString() {
        throw new UnsupportedOperationException();
    }

    public int readInt() {
        throw new UnsupportedOperationException();
    }

    public short readShort() {
        throw new UnsupportedOperationException();
    }

    public TreeMap<Short, Integer> readIntMap() {
        throw new UnsupportedOperationException();
    }
}
