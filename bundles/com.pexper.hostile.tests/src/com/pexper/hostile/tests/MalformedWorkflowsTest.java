package com.pexper.hostile.tests;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed workflow document, however it is broken, ends in a clear error (a format error
 * naming the file, a list of problems, a refused run) or a run whose failed nodes say why: never
 * an unexpected exception, a hang or a memory blow-up. Thousands of generated cases; a finding
 * names the seed and the case, {@code -Dpexper.hostile.seed=N} explores other random ones.
 */
class MalformedWorkflowsTest {

    static final long SEED = Long.getLong("pexper.hostile.seed", 11);

    @TempDir
    static Path root;
    static Bench bench;

    @BeforeAll
    static void setUp() throws Exception {
        bench = new Bench(root);
    }

    @AfterAll
    static void tearDown() {
        bench.close();
    }

    private static void runAll(String family, List<WorkflowCases.Case> cases) {
        for (WorkflowCases.Case c : cases) {
            bench.workflow(SEED, c.name(), c.document().get());
        }
        if (bench.cases() != cases.size()) {
            throw new AssertionError("not every case ran");
        }
        bench.assertNoFindings(family);
    }

    @Test
    void aDocumentCutAnywhereIsAFormatErrorNamingTheFile() {
        runAll("truncations", WorkflowCases.truncations(3));
    }

    @Test
    void aDocumentWithAnyByteChangedEndsInAClearErrorOrAValidRun() {
        runAll("byte flips", WorkflowCases.byteFlips(SEED, 250));
    }

    @Test
    void aValueOfTheWrongKindAnywhereIsNamedNotACrash() {
        runAll("type swaps", WorkflowCases.typeSwaps());
    }

    @Test
    void deepNestingHugeStringsNulInvalidUtf8AndBrokenGraphsAreClearErrors() {
        runAll("structures", WorkflowCases.structures());
    }

    @Test
    void hostilePathsTemplatesPatternsAndKeyLookingNamesAreRefusedOrHandled() {
        runAll("hostile values", WorkflowCases.hostileValues());
    }
}
