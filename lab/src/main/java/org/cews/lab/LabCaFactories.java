package org.cews.lab;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.ServiceLoader;
import org.cews.lab.ca.LabCa;

/**
 * How the lab's main finds its CA engine, first match wins:
 *
 * <ol>
 *   <li>{@code --ca-factory=<class>}: a {@link LabCaFactory} with a public no-argument
 *       constructor, or a {@link LabCa} with a public constructor taking a {@link LabCaContext};
 *   <li>a {@link LabCaFactory} registered in {@code META-INF/services/org.cews.lab.LabCaFactory};
 *   <li>{@value #DEFAULT_CA_CLASS}, if on the class path, with a public constructor taking a
 *       {@link LabCaContext}.
 * </ol>
 */
public final class LabCaFactories {

    public static final String DEFAULT_CA_CLASS = "org.cews.lab.ca.LabCertificationAuthority";

    private LabCaFactories() {}

    public static LabCaFactory resolve(Optional<String> className) {
        if (className.isPresent()) {
            return byName(className.get())
                    .orElseThrow(() -> new IllegalStateException("--ca-factory=" + className.get()
                            + " (expected: a class on the class path, actual: not found)"));
        }
        Optional<LabCaFactory> registered =
                ServiceLoader.load(LabCaFactory.class).findFirst();
        if (registered.isPresent()) {
            return registered.get();
        }
        return byName(DEFAULT_CA_CLASS)
                .orElseThrow(() -> new IllegalStateException("no CA engine for the lab: expected "
                        + DEFAULT_CA_CLASS + ", a LabCaFactory in META-INF/services/"
                        + LabCaFactory.class.getName() + ", or --ca-factory=<class>; found none"));
    }

    static Optional<LabCaFactory> byName(String name) {
        Class<?> type;
        try {
            type = Class.forName(name);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        try {
            if (LabCaFactory.class.isAssignableFrom(type)) {
                return Optional.of((LabCaFactory) type.getConstructor().newInstance());
            }
            if (LabCa.class.isAssignableFrom(type)) {
                var constructor = type.getConstructor(LabCaContext.class);
                return Optional.of(context -> {
                    try {
                        return (LabCa) constructor.newInstance(context);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                });
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CA engine " + name + " cannot be instantiated: " + e, e);
        }
        throw new IllegalStateException(
                "CA engine " + name + " (expected: a LabCaFactory or a LabCa, actual: " + type.getName() + ")");
    }
}
