package com.pexper.diagnostics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.pexper.diagnostics.ScrubbedException;
import com.pexper.diagnostics.Scrubber;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryStackFrame;
import io.sentry.protocol.SentryStackTrace;

/**
 * The last step before a report is stored, as Sentry's {@code beforeSend}: it keeps only the fields
 * Pexper allows and scrubs every text in them. Allowed: the exceptions (type, module, scrubbed
 * message, the frames of {@link Scrubber#KEPT_FRAMES}, a run of others becoming one
 * {@code [other frames]}), the level, the message of a usage report, release, environment,
 * platform, time, the SDK, the tag {@code where}, and the contexts {@value #CONTEXTS}. Everything
 * else the SDK may have added (server name, user, request, threads, breadcrumbs, extras, modules,
 * debug images, other tags) is removed. Breadcrumbs are never kept.
 */
final class ReportScrubbing implements SentryOptions.BeforeSendCallback, SentryOptions.BeforeBreadcrumbCallback {

    /** The hint that carries the texts the user wrote that this report must not carry. */
    static final String USER_TEXTS = "pexper.userTexts";
    static final String CONTEXTS = "os, device, runtime, app, bundles, usage";
    private static final Set<String> KEPT_CONTEXTS = Set.of("os", "device", "runtime", "app", "bundles", "usage");

    private final Function<Collection<String>, Scrubber> scrubbers;

    /** @param scrubbers a scrubber that also takes out the given texts (labels, prompts) */
    ReportScrubbing(Function<Collection<String>, Scrubber> scrubbers) {
        this.scrubbers = scrubbers;
    }

    @Override
    public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
        return null;
    }

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        Object told = hint == null ? null : hint.get(USER_TEXTS);
        Collection<String> userTexts = told instanceof Collection<?> c
                ? c.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
        Scrubber scrubber = scrubbers.apply(userTexts);
        event.setServerName(null);
        event.setUser(null);
        event.setRequest(null);
        event.setThreads(null);
        event.setBreadcrumbs(null);
        event.setExtras(null);
        event.setModules(null);
        event.setDebugMeta(null);
        event.setFingerprints(null);
        event.setTransaction(null);
        event.setDist(null);
        event.setLogger(null);
        String where = event.getTag("where");
        event.setTags(where == null ? null : new HashMap<>(Map.of("where", where)));
        Message message = event.getMessage();
        if (message != null) {
            Message kept = new Message();
            kept.setFormatted(scrubber.scrub(message.getFormatted() != null ? message.getFormatted() : message.getMessage()));
            event.setMessage(kept);
        }
        Contexts contexts = event.getContexts();
        for (String key : Collections.list(contexts.keys())) {
            if (!KEPT_CONTEXTS.contains(key)) {
                contexts.remove(key);
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(scrubber.scrub(exception.getValue()));
                exception.setThreadId(null);
                if (exception.getStacktrace() != null) {
                    exception.getStacktrace().setFrames(kept(exception.getStacktrace(), scrubber));
                    exception.getStacktrace().setRegisters(null);
                }
            }
        }
        return event;
    }

    private static List<SentryStackFrame> kept(SentryStackTrace trace, Scrubber scrubber) {
        List<SentryStackFrame> frames = new ArrayList<>();
        if (trace.getFrames() == null) {
            return frames;
        }
        boolean otherBefore = false;
        for (SentryStackFrame frame : trace.getFrames()) {
            String module = frame.getModule() == null ? "" : frame.getModule() + ".";
            if (Scrubber.KEPT_FRAMES.stream().anyMatch(module::startsWith)) {
                SentryStackFrame copy = new SentryStackFrame();
                copy.setModule(frame.getModule());
                copy.setFunction(frame.getFunction());
                copy.setFilename(scrubber.scrub(frame.getFilename()));
                copy.setLineno(frame.getLineno());
                copy.setNative(frame.isNative());
                copy.setInApp(frame.isInApp());
                frames.add(copy);
                otherBefore = false;
            } else if (!otherBefore) {
                SentryStackFrame other = new SentryStackFrame();
                other.setFunction(ScrubbedException.OTHER_FRAMES);
                frames.add(other);
                otherBefore = true;
            }
        }
        return frames;
    }
}
