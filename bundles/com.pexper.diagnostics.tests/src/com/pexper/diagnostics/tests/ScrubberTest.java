package com.pexper.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.pexper.diagnostics.ScrubbedException;
import com.pexper.diagnostics.Scrubber;

/** Crafted exceptions and texts that carry each thing a report must not: each is taken out, and nothing else. */
class ScrubberTest {

    private static final String KEY_IN_USE = "sk-proj-Zq8vN2rT5yW7uB1xC4eH6jK9mP3sL0aD";

    private final Scrubber scrubber = Scrubber.builder().home(Path.of("/home/alice")).userName("alice")
            .keysInUse(text -> text.replace(KEY_IN_USE, "****")).prompts(List.of("a red fox in the snow at dawn"))
            .labels(List.of("Holiday cutouts", "Make Bob's passport photo")).build();

    private static String everything(ScrubbedException e) {
        StringBuilder all = new StringBuilder();
        for (ScrubbedException at = e; at != null; at = at.cause()) {
            all.append(at.type()).append(": ").append(at.message()).append('\n');
            at.frames().forEach(f -> all.append(f).append('\n'));
        }
        return all.toString();
    }

    @Test
    void filePathsLoseTheUsersHomeAndNameAndAnyOtherUsersName() {
        ScrubbedException e = scrubber.scrub(new IOException("cannot read /home/alice/Pictures/alice-at-the-beach.jpg,"
                + " nor /Users/bob/Desktop/x.png, nor C:\\Users\\carol\\photo.png, nor C:/Users/dave/a.png"));
        assertEquals("cannot read [home]/Pictures/alice-at-the-beach.jpg, nor /Users/[user]/Desktop/x.png,"
                + " nor C:\\Users\\[user]\\photo.png, nor C:/Users/[user]/a.png", e.message());
        assertEquals("java.io.IOException", e.type(), "the type stays: it says what went wrong");
        assertEquals("the file of [user]", scrubber.scrub("the file of alice"), "the name as a word, anywhere");
    }

    @Test
    void eMailAddressesUrlQueriesAuthAndIpAddressesAreTakenOut() {
        String scrubbed = scrubber.scrub("mail alice.smith+pexper@example.co.uk about"
                + " https://bob:hunter22@api.example.com/v1/models?key=AIzaSyD-abcdefghijklmnop1234567#frag from"
                + " 192.168.1.20 and 2001:db8:85a3::8a2e:370:7334 and ::1 at 12:30:45 in Foo.java:123");
        assertEquals("mail [email] about https://[auth]@api.example.com/v1/models?[query]#[fragment] from [ip] and"
                + " [ip] and [ip] at 12:30:45 in Foo.java:123", scrubbed);
    }

    @Test
    void keysInUseAndAnythingThatLooksLikeAKeyOrTokenAreTakenOut() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        String scrubbed = scrubber.scrub("refused " + KEY_IN_USE + "; also sk-ant-api03-AbCdEfGh12345678IjKlMnOp"
                + " AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW " + jwt + " xoxb-1234567890-abcdefghij"
                + " ghp_abcdefghijklmnopqrstuvwxyz0123456789 github_pat_11ABCDEFG0123456789abcdef"
                + " Authorization: Bearer abc.def.ghi-jkl password=letmein123 token: t0k3n-value"
                + " a hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        for (String leaked : List.of(KEY_IN_USE, "AbCdEfGh12345678", "AIzaSyA1b2C3d4", "eyJhbGci", "xoxb-", "ghp_",
                "github_pat_", "abc.def.ghi", "letmein123", "t0k3n-value", "9f86d081")) {
            assertFalse(scrubbed.contains(leaked), leaked + " left in: " + scrubbed);
        }
        assertTrue(scrubbed.startsWith("refused ****; also [key] [key] [key] [key] [key] [key]"), scrubbed);
        assertTrue(scrubbed.contains("Authorization: [secret]") || scrubbed.contains("Authorization: Bearer [secret]"),
                scrubbed);
        assertTrue(scrubbed.contains("password=[secret]") && scrubbed.contains("token: [secret]"), scrubbed);
        assertTrue(scrubbed.endsWith("a hash [key]"), scrubbed);
        assertEquals("[pem] after", scrubber.scrub("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- after"));
    }

    @Test
    void promptsAndWorkflowAndNodeLabelsAreTakenOutAndOrdinaryWordsAreNot() {
        ScrubbedException e = scrubber.scrub(new IllegalStateException("node 'Make Bob's passport photo' of 'Holiday"
                + " cutouts' failed on the prompt: a red fox in the snow at dawn (see the log)"));
        assertEquals("node '[label]' of '[label]' failed on the prompt: [prompt] (see the log)", e.message());
        String plain = "Remove background failed: the model rmbg-1.4 needs 1024x1024 input, not 512x512; run pexper"
                + " models verify";
        assertEquals(plain, scrubber.scrub(plain), "what says what went wrong stays");
    }

    @Test
    void framesOfPexperThePlatformAndJavaStayOthersAreOneMarkAndCausesAreScrubbedToo() {
        IOException cause = new IOException("reading /home/alice/secret-plans.txt as alice@example.com");
        RuntimeException thrown = new RuntimeException("wrapped", cause);
        thrown.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.pexper.core.internal.engine.NodeTask", "execute", "NodeTask.java", 98),
                new StackTraceElement("com.acme.private.Plugin", "run", "Plugin.java", 10),
                new StackTraceElement("com.acme.private.Plugin", "call", "Plugin.java", 20),
                new StackTraceElement("org.eclipse.e4.ui.workbench.renderers.swt.StackRenderer", "x", "StackRenderer.java",
                        7),
                new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1583) });
        ScrubbedException e = scrubber.scrub(thrown);
        assertEquals(List.of("com.pexper.core.internal.engine.NodeTask.execute(NodeTask.java:98)",
                ScrubbedException.OTHER_FRAMES, "org.eclipse.e4.ui.workbench.renderers.swt.StackRenderer.x(StackRenderer.java:7)",
                "java.lang.Thread.run(Thread.java:1583)"), e.frames());
        assertEquals("reading [home]/secret-plans.txt as [email]", e.cause().message());
        assertNull(e.cause().cause());
        String all = everything(e);
        for (String leaked : List.of("alice", "acme", "secret-plans")) {
            assertEquals(leaked.equals("secret-plans"), all.contains(leaked), leaked + " in\n" + all);
        }
    }

    @Test
    void aLoopOfCausesEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        ScrubbedException e = scrubber.scrub(a);
        assertEquals("b", e.cause().message());
        assertNull(e.cause().cause(), "a cause already seen is not followed again");
    }
}
