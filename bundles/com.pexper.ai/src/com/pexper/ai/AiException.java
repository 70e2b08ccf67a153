package com.pexper.ai;

/**
 * A provider call that failed, with a message that says what to do. Messages never contain a key:
 * anything quoted from a server has passed through {@link Secret#redact}.
 */
public final class AiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, for callers that react differently (a retry, a different hint). */
    public enum Kind {
        /** 401/403: the key is wrong, revoked or lacks access. */
        AUTHENTICATION,
        /** 404 or the provider's "model not found". */
        UNKNOWN_MODEL,
        /** The account has no quota or credit left. */
        QUOTA,
        /** 429 after the retries. */
        RATE_LIMITED,
        /** 5xx after the retries. */
        SERVER,
        /** Nothing answers at the address (connection refused, unknown host). */
        UNREACHABLE,
        /** The server did not answer within the timeout. */
        TIMEOUT,
        /** The server refused the request as malformed (400, 422): a setting or input to change. */
        BAD_REQUEST,
        /** The answer does not follow the provider's format. */
        BAD_RESPONSE,
        /** The connection broke while the answer streamed in. */
        STREAM_CUT,
        /** The network gate refused the request (local-only mode, wrong host, plain HTTP). */
        REFUSED,
        /** The provider cannot do this. */
        UNSUPPORTED,
        /** No key is set for a provider that needs one. */
        NO_KEY,
        CANCELLED
    }

    private final Kind kind;
    private final String partialText;

    public AiException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public AiException(Kind kind, String message, String partialText, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.partialText = partialText;
    }

    public Kind kind() {
        return kind;
    }

    /** The text that had arrived when a stream was cut, else null. */
    public String partialText() {
        return partialText;
    }

    public static AiException unsupported(ProviderDescriptor provider, Capability capability) {
        return new AiException(Kind.UNSUPPORTED, provider.label() + " cannot do " + capability.id().replace('-', ' ')
                + "; choose a provider that can (./pexper providers lists them).");
    }
}
