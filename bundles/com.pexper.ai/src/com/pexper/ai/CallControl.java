package com.pexper.ai;

/** Lets a caller stop a provider call: cancelling aborts the HTTP exchange at once. */
public interface CallControl {

    CallControl NONE = new CallControl() {
        @Override
        public boolean isCanceled() {
            return false;
        }

        @Override
        public AutoCloseable onCancel(Runnable action) {
            return () -> {
            };
        }
    };

    boolean isCanceled();

    /** Runs {@code action} when cancelled (at once if already); close the registration when done. */
    AutoCloseable onCancel(Runnable action);
}
