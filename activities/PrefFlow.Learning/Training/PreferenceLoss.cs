using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// Per-pair preference losses from sequence log-probabilities. With the log-ratio difference
/// h = (log pi(y_w) - log pi_ref(y_w)) - (log pi(y_l) - log pi_ref(y_l)) (paper equation 2, without beta):
/// DPO = -log sigmoid(beta h); IPO = (h - 1/(2 beta))^2; conservative DPO =
/// -(1 - eps) log sigmoid(beta h) - eps log sigmoid(-beta h).
/// </summary>
public static class PreferenceLoss
{
    /// <summary>The loss of each pair, shape [pairs].</summary>
    public static Tensor Compute(PreferenceLossKind kind, double beta, double labelSmoothing,
        Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected)
    {
        var h = policyChosen - referenceChosen - (policyRejected - referenceRejected);
        return kind switch
        {
            PreferenceLossKind.Dpo => -nn.functional.logsigmoid(beta * h),
            PreferenceLossKind.Ipo => (h - 1.0 / (2.0 * beta)).square(),
            PreferenceLossKind.ConservativeDpo => -(1 - labelSmoothing) * nn.functional.logsigmoid(beta * h) - labelSmoothing * nn.functional.logsigmoid(-beta * h),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown preference loss"),
        };
    }
}
