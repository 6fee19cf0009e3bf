package ipc.grader.feedback;

/**
 * A failed check, with its {@link FailureKind}. Only the factories of the kinds make one; a plain
 * {@link AssertionError} (from AssertJ, say) counts as {@link FailureKind#WRONG_RESULT}.
 */
public final class GradingFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    GradingFailure(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }

    /**
     * The same failure with {@code details} (a conversation, say) after its message, for a driver
     * that knows what the check saw on the wire.
     */
    public GradingFailure withDetails(String details) {
        GradingFailure failure = new GradingFailure(kind, getMessage() + "\n" + details, getCause());
        failure.setStackTrace(getStackTrace());
        return failure;
    }

    /**
     * {@code failure} told again in full, as {@code message} (with the programs' output, say), of
     * the same kind, with {@code failure} as its cause.
     */
    public static GradingFailure retold(Throwable failure, String message) {
        return new GradingFailure(kindOf(failure), message, failure);
    }

    /** The kind of any failure a check ends with. */
    public static FailureKind kindOf(Throwable failure) {
        if (failure instanceof GradingFailure graded) {
            return graded.kind;
        }
        return failure instanceof AssertionError ? FailureKind.WRONG_RESULT : FailureKind.GRADER_ERROR;
    }
}
