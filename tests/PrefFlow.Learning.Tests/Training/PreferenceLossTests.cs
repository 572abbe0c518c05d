using PrefFlow.Learning.Training;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Tests.Training;

public sealed class PreferenceLossTests
{
    // Hand-computed: h = (-3.0 - -3.5) - (-4.0 - -3.8) = 0.5 + 0.2 = 0.7; beta = 0.1 -> beta*h = 0.07.
    private const double H = 0.7, Beta = 0.1;

    private static (Tensor Pc, Tensor Pr, Tensor Rc, Tensor Rr) Inputs() =>
        (tensor(new[] { -3.0 }, requires_grad: true), tensor(new[] { -4.0 }, requires_grad: true), tensor(new[] { -3.5 }), tensor(new[] { -3.8 }));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Dpo_loss_and_gradient_match_the_hand_computed_values()
    {
        var (pc, pr, rc, rr) = Inputs();
        var loss = PreferenceLoss.Compute(PreferenceLossKind.Dpo, Beta, 0, pc, pr, rc, rr);
        loss.sum().backward();
        // loss = -log sigmoid(0.07) = log(1 + e^-0.07) = 0.6587596...
        Assert.Equal(Math.Log(1 + Math.Exp(-Beta * H)), loss.item<double>(), 12);
        Assert.Equal(0.6587596, loss.item<double>(), 6);
        // d loss / d log pi(y_w) = -beta * sigmoid(-beta h); d / d log pi(y_l) = +beta * sigmoid(-beta h).
        Assert.Equal(-Beta * Sigmoid(-Beta * H), pc.grad!.item<double>(), 12);
        Assert.Equal(Beta * Sigmoid(-Beta * H), pr.grad!.item<double>(), 12);
        Assert.Equal(-0.04825071, pc.grad!.item<double>(), 7);
    }

    [Fact]
    public void Ipo_loss_and_gradient_match_the_hand_computed_values()
    {
        var (pc, pr, rc, rr) = Inputs();
        var loss = PreferenceLoss.Compute(PreferenceLossKind.Ipo, Beta, 0, pc, pr, rc, rr);
        loss.sum().backward();
        // (h - 1/(2 beta))^2 = (0.7 - 5)^2 = 18.49; gradient 2 (h - 5) = -8.6 w.r.t. log pi(y_w).
        Assert.Equal(18.49, loss.item<double>(), 10);
        Assert.Equal(-8.6, pc.grad!.item<double>(), 10);
        Assert.Equal(8.6, pr.grad!.item<double>(), 10);
    }

    [Fact]
    public void Conservative_dpo_mixes_both_label_directions()
    {
        var (pc, pr, rc, rr) = Inputs();
        const double eps = 0.2;
        var loss = PreferenceLoss.Compute(PreferenceLossKind.ConservativeDpo, Beta, eps, pc, pr, rc, rr);
        loss.sum().backward();
        double expected = -(1 - eps) * Math.Log(Sigmoid(Beta * H)) - eps * Math.Log(Sigmoid(-Beta * H));
        Assert.Equal(expected, loss.item<double>(), 12);
        double gradient = -(1 - eps) * Beta * Sigmoid(-Beta * H) + eps * Beta * Sigmoid(Beta * H);
        Assert.Equal(gradient, pc.grad!.item<double>(), 12);
    }

    [Fact]
    public void Zero_smoothing_conservative_dpo_equals_dpo()
    {
        var (pc, pr, rc, rr) = Inputs();
        var dpo = PreferenceLoss.Compute(PreferenceLossKind.Dpo, Beta, 0, pc, pr, rc, rr).item<double>();
        var conservative = PreferenceLoss.Compute(PreferenceLossKind.ConservativeDpo, Beta, 0, pc, pr, rc, rr).item<double>();
        Assert.Equal(dpo, conservative, 14);
    }
}
