package org.cews.it.samba;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The run's class order (it/pom.xml, {@code junit.jupiter.testclass.order.default}): as discovered,
 * except that the classes using {@link SambaForest} come last, together. The forest and the run's
 * other Samba DC need the same ports and stop each other, so interleaved classes would provision
 * Samba again at every switch (about 25 s each).
 */
public final class SambaForestLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: every other class keeps its place relative to the others.
        context.getClassDescriptors().sort(Comparator.comparing(SambaForestLast::usesForest));
    }

    private static boolean usesForest(ClassDescriptor descriptor) {
        return descriptor.findRepeatableAnnotations(ExtendWith.class).stream()
                .anyMatch(e -> Arrays.asList(e.value()).contains(SambaForest.Extension.class));
    }
}
