package kz.hattama.ingest;

import org.opencv.core.Mat;

import java.lang.ref.Reference;

/**
 * The lifetime rule for OpenCV objects: whoever makes a {@link Mat} (new, submat, clone, a function's result) releases
 * it here, in a finally, after the last call that uses it; one handed in is the caller's to release, one handed back
 * the caller's from then on.
 *
 * <p>Why it matters: the Java bindings pass native code only the address ({@code nativeObj}), and a {@code Mat} that
 * Java code no longer refers to (an inline temporary such as {@code new Mat()} for an output, or a local past its last
 * use) may be collected while that native call still runs; its finalizer then frees the header, and the pixels when
 * they were its own, under the native code's feet. Glibc reported it as "corrupted double-linked list" or a SIGSEGV
 * after some hundreds of protocols. Referring to the Mat after the call, as {@link #release} does, keeps it alive.
 */
public final class Mats {

    private Mats() {
    }

    /**
     * Frees each Mat's pixels now (native memory, which the collector neither sees nor hurries to free) and keeps every
     * one reachable until then. Nulls are skipped.
     */
    public static void release(Mat... mats) {
        try {
            for (Mat m : mats) {
                if (m != null) {
                    m.release();
                }
            }
        } finally {
            // release() itself hands only the address to native code; the array holds each Mat until it has returned.
            Reference.reachabilityFence(mats);
        }
    }
}
