package com.pexper.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which steps handle the same item as which: for each step, the mapped steps it reads per item
 * from (directly or through others) and the steps that read its items. Positions ascend, as the
 * plan's topological order does.
 */
final class ItemLineage {

    private final int[][] ancestors;
    private final int[][] descendants;

    ItemLineage(Plan.Step[] steps) {
        this.ancestors = new int[steps.length][];
        List<List<Integer>> below = new ArrayList<>();
        for (int p = 0; p < steps.length; p++) {
            below.add(new ArrayList<>());
            TreeSet<Integer> above = new TreeSet<>();
            for (Plan.Binding b : steps[p].bindings()) {
                if (b != null && b.perItem() && steps[b.source()].mapped()) {
                    above.add(b.source());
                    for (int a : ancestors[b.source()]) {
                        above.add(a);
                    }
                }
            }
            ancestors[p] = above.stream().mapToInt(Integer::intValue).toArray();
            for (int a : ancestors[p]) {
                below.get(a).add(p);
            }
        }
        this.descendants = below.stream().map(d -> d.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    int[] ancestors(int step) {
        return ancestors[step];
    }

    int[] descendants(int step) {
        return descendants[step];
    }

    int size() {
        return ancestors.length;
    }
}
