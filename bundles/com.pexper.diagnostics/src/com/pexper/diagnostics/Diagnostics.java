package com.pexper.diagnostics;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Crash reports and usage analytics, only with the user's {@link Consent}. With consent off every
 * method that would collect returns at once: nothing is written, kept in memory or sent. What is
 * collected is scrubbed ({@link Scrubber}) before it is stored, waits in the outbox under
 * {@code PEXPER_HOME/diagnostics} where the user can read it, and leaves only through the network
 * gate (so the privacy ledger lists it), to the endpoint whoever distributed the build set; with
 * none, nothing leaves. The application gets one as a service; {@link #NONE} is for code run
 * without it.
 */
@ProviderType
public interface Diagnostics {

    /** Collects nothing and has nothing: for a command line or a test made without diagnostics. */
    Diagnostics NONE = new Diagnostics() {
        @Override
        public Consent consent() {
            return Consent.OFF;
        }

        @Override
        public boolean asked() {
            return true;
        }

        @Override
        public void setConsent(Consent consent) {
            throw new UnsupportedOperationException("diagnostics are not installed");
        }

        @Override
        public boolean endpointConfigured() {
            return false;
        }

        @Override
        public void sessionStarted(String application) {
        }

        @Override
        public void sessionEnded() {
        }

        @Override
        public void used(String kind, String id) {
        }

        @Override
        public void crashed(Throwable thrown, String where, Collection<String> userTexts) {
        }

        @Override
        public void deviceFact(String name, String value) {
        }

        @Override
        public List<PendingReport> pending() {
            return List.of();
        }

        @Override
        public int deleteCollected() {
            return 0;
        }
    };

    Consent consent();

    /** Whether the user has ever chosen (the workbench asks once, at its first start). */
    boolean asked();

    /** Stores the choice; {@link Consent#OFF} also deletes what was collected. */
    void setConsent(Consent consent) throws IOException;

    /** Whether this build names somewhere to send reports; without it they only wait in the outbox. */
    boolean endpointConfigured();

    /** @param application {@code cli} or {@code workbench} */
    void sessionStarted(String application);

    /** Ends the session (its length and whether it crashed are usage) and sends what waits, briefly. */
    void sessionEnded();

    /**
     * Counts a use, with consent to usage analytics only.
     *
     * @param kind {@code command} or {@code node}
     * @param id the command's name or the node type's id: never anything the user wrote
     */
    void used(String kind, String id);

    /**
     * Reports an exception nobody expected, with consent to crash reports only.
     *
     * @param where {@code cli}, {@code workbench}, {@code job} or {@code node}
     * @param userTexts texts the user wrote that the report must not carry (labels, prompts)
     */
    void crashed(Throwable thrown, String where, Collection<String> userTexts);

    /** A fact about the device that only the caller knows (the workbench's screen scale). */
    void deviceFact(String name, String value);

    /** The reports waiting in the outbox, oldest first, as they would leave. */
    List<PendingReport> pending() throws IOException;

    /** Deletes everything collected; returns how many reports there were. */
    int deleteCollected() throws IOException;
}
