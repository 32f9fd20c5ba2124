package org.cews.lab;

import org.cews.lab.ca.LabCa;

/** A {@link LabCaFactory} found by class name ({@code --ca-factory}), for tests that run the lab's main. */
public final class FakeLabCaFactory implements LabCaFactory {

    @Override
    public LabCa create(LabCaContext context) {
        return new FakeLabCa();
    }
}
