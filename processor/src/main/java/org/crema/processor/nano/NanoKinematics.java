package org.crema.processor.nano;

import org.crema.columnar.FloatColumn;
import org.crema.columnar.Kinematics;
import org.crema.columnar.ListColumn;

/** Kinematics taken from the fields NanoAOD names {@code pt}, {@code eta}, {@code phi} and {@code mass}. */
interface NanoKinematics extends Kinematics {
    /**
     * @param field field name without the collection prefix
     * @return the field as float lists
     */
    ListColumn<FloatColumn> floats(String field);

    @Override
    default ListColumn<FloatColumn> pt() {
        return floats("pt");
    }

    @Override
    default ListColumn<FloatColumn> eta() {
        return floats("eta");
    }

    @Override
    default ListColumn<FloatColumn> phi() {
        return floats("phi");
    }

    @Override
    default ListColumn<FloatColumn> mass() {
        return floats("mass");
    }
}
