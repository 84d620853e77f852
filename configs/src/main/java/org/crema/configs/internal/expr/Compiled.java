package org.crema.configs.internal.expr;

import java.util.function.Function;

/**
 * A type-checked expression: its type and the kernel that computes it for a chunk (or, for a
 * constant, its value).
 *
 * @param type the static type
 * @param kernel computes the value from an {@link Env}: a {@code Column}, a
 *     {@code ListColumn<RecordColumn>} (collection), an {@link Ops.ObjRef} or an {@link Ops.P4};
 *     null for constants
 * @param constant the value of a constant (booleans as 0 and 1)
 */
public record Compiled(Type type, Function<Env, Object> kernel, double constant) {

    /**
     * @param env the chunk
     * @return the value; a constant is expanded to one value per event
     */
    public Object eval(Env env) {
        if (type.shape() == Type.Shape.CONST) {
            return Ops.constant(env.size(), type.kind(), constant);
        }
        return kernel.apply(env);
    }
}
