package com.pexper.imaging.onnx;

import java.util.function.BooleanSupplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Downloads models of the catalogue for the user, through the network gate. A service of the
 * model-download bundle: an installation without it installs models from files only.
 */
@ProviderType
public interface ModelFetcher {

    /** What a download is doing; called on the downloading thread. Each step is optional to follow. */
    interface Progress {
        /** @param total the download's size, or -1 while unknown */
        default void downloaded(long bytes, long total) {
        }

        default void assembled(int chunks) {
        }

        default void verified(long bytes, long total) {
        }
    }

    /** The network gate refused the download (local-only mode): the user's setting, not a fault. */
    final class RefusedException extends ModelException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether Pexper knows where to fetch this model from. */
    boolean canFetch(String modelId);

    /**
     * Downloads, checks and installs a model into {@code store}.
     *
     * @param cancelled polled between reads; when it turns true the download is cancelled
     * @throws RefusedException when the network gate refused it
     * @throws InterruptedException when cancelled; nothing is installed or left behind
     */
    ModelDescriptor fetch(String modelId, ModelStore store, Progress progress, BooleanSupplier cancelled)
            throws ModelException, InterruptedException;
}
