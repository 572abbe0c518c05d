using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PrefFlow.Learning.Model;

/// <summary>
/// The policy: a decoder-only transformer (GPT-2 style, pre-LayerNorm, causal self-attention,
/// learned positions, GELU MLP, output head tied to the token embedding), small enough to train on
/// a CPU. The whole model is in this file. Field names become parameter names in checkpoints,
/// hence their snake_case.
/// </summary>
/// <remarks>
/// TorchSharp passes bare native pointers: a Tensor or Scalar that nothing references any more can be freed by a
/// garbage collection (on another thread) while a native call still reads it, which crashes the process. So every
/// temporary here is held until the calls that read it are done, by a dispose scope (tensors) or a local (Scalars,
/// which scopes do not track), including the Scalar alpha = 1 that TorchSharp makes for an add without one.
/// </remarks>
public sealed class TransformerPolicy : Module
{
    // "a + b" passes a temporary Scalar alpha = 1 that nothing keeps alive during the native call, so a garbage
    // collection on another thread can finalize (free) it mid-call. One Scalar held for the process's life avoids that
    // on the model's hottest path. (Scalars are not tracked by dispose scopes, so a scope cannot free it either.)
    private static readonly Scalar One = 1.ToScalar();

    private readonly Embedding tokens;
    private readonly Embedding positions;
    private readonly ModuleList<Block> blocks;
    private readonly LayerNorm final_norm;
    private readonly Linear? head;

    /// <summary>Creates a model whose weights are drawn from <paramref name="seed"/> (GPT-2 initialisation).</summary>
    public TransformerPolicy(PolicyConfig config, ulong seed, Device? device = null) : base("policy")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        tokens = Embedding(config.VocabularySize, config.EmbeddingSize);
        positions = Embedding(config.ContextLength, config.EmbeddingSize);
        blocks = new ModuleList<Block>([.. Enumerable.Range(0, config.Layers).Select(i => new Block(config, i))]);
        final_norm = LayerNorm(config.EmbeddingSize);
        head = config.TiedEmbeddings ? null : Linear(config.EmbeddingSize, config.VocabularySize, hasBias: false);
        RegisterComponents();
        Initialise(seed);
        if (device is not null) this.to(device);
    }

    /// <summary>The model's shape.</summary>
    public PolicyConfig Config { get; }

    /// <summary>The device the weights live on.</summary>
    public Device Device
    {
        get
        {
            // The getter makes a new wrapper each time; it must outlive the native call that reads its device.
            var weight = tokens.weight!;
            var device = weight.device;
            GC.KeepAlive(weight);
            return device;
        }
    }

    /// <summary>
    /// Logits [batch, time, vocabulary] for <paramref name="input"/> [batch, time] (int64), whose first
    /// token sits at absolute position <paramref name="start"/>. With a <paramref name="cache"/>, the
    /// input's keys and values are appended to it and attention also covers the cached positions.
    /// </summary>
    public Tensor Forward(Tensor input, int start = 0, KvCache? cache = null)
    {
        long time = input.shape[1];
        if (start + time > Config.ContextLength)
        {
            throw new ArgumentException($"sequence of {start + time} tokens exceeds the model's context length {Config.ContextLength}", nameof(input));
        }
        // Every intermediate (and the weight wrapper below) is held until the logits exist, whatever the caller's scope.
        using var scope = NewDisposeScope();
        using Scalar first = start.ToScalar(), end = (start + time).ToScalar();
        var positionIds = arange(first, end, dtype: ScalarType.Int64, device: input.device);
        var x = tokens.forward(input).add(positions.forward(positionIds), One);
        for (int i = 0; i < blocks.Count; i++) x = blocks[i].Forward(x, i, cache);
        x = final_norm.forward(x);
        var logits = head is null ? x.matmul(tokens.weight!.t()) : head.forward(x);
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>A separate model with the same configuration and a copy of these weights, on the same device.</summary>
    public TransformerPolicy Clone()
    {
        var copy = new TransformerPolicy(Config, seed: 0, Device);
        using var _ = no_grad();
        var source = named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in copy.named_parameters()) parameter.copy_(source[name]);
        copy.eval();
        return copy;
    }

    private void Initialise(ulong seed)
    {
        using var _ = no_grad();
        using var generator = new Generator(seed);
        // Residual projections are scaled down by depth, as in GPT-2, so deep stacks start stable.
        double residualStd = 0.02 / Math.Sqrt(2.0 * Config.Layers);
        using Scalar one = 1.0.ToScalar();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal)) parameter.zero_();
            else if (name.Contains("norm", StringComparison.Ordinal)) parameter.fill_(one);
            // Tensor.normal_ rather than nn.init.normal_, which ignores its generator in TorchSharp 0.107.
            else parameter.normal_(0, name.EndsWith("out.weight", StringComparison.Ordinal) ? residualStd : 0.02, generator);
        }
    }

    private sealed class Block : Module
    {
        private readonly LayerNorm attention_norm;
        private readonly Attention attention;
        private readonly LayerNorm mlp_norm;
        private readonly Linear mlp_in;
        private readonly Linear mlp_out;

        public Block(PolicyConfig config, int index) : base($"block{index}")
        {
            int d = config.EmbeddingSize;
            attention_norm = LayerNorm(d);
            attention = new Attention(config);
            mlp_norm = LayerNorm(d);
            mlp_in = Linear(d, 4 * d);
            mlp_out = Linear(4 * d, d);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, int layer, KvCache? cache)
        {
            x = x.add(attention.Forward(attention_norm.forward(x), layer, cache), One);
            return x.add(mlp_out.forward(functional.gelu(mlp_in.forward(mlp_norm.forward(x)))), One);
        }
    }

    private sealed class Attention : Module
    {
        private readonly Linear qkv;
        private readonly Linear proj_out;
        private readonly int heads;
        private readonly int width;

        public Attention(PolicyConfig config) : base("attention")
        {
            width = config.EmbeddingSize;
            heads = config.Heads;
            qkv = Linear(width, 3 * width);
            proj_out = Linear(width, width);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, int layer, KvCache? cache)
        {
            long batch = x.shape[0], time = x.shape[1];
            var parts = qkv.forward(x).split(width, 2);
            Tensor SplitHeads(Tensor t) => t.view(batch, time, heads, width / heads).transpose(1, 2);
            var q = SplitHeads(parts[0]);
            var k = SplitHeads(parts[1]);
            var v = SplitHeads(parts[2]);
            int past = cache?.Length ?? 0;
            if (cache is not null) (k, v) = cache.Append(layer, k, v);

            Tensor y;
            if (time == 1 || past == 0)
            {
                // One new token sees everything cached; a fresh sequence uses the built-in causal mask.
                y = functional.scaled_dot_product_attention(q, k, v, is_casual: time > 1);
            }
            else
            {
                // Several new tokens after a cached prefix: query i sees keys up to past + i.
                using var visible = ones(time, past + time, dtype: ScalarType.Bool, device: x.device).tril(past);
                y = functional.scaled_dot_product_attention(q, k, v, attn_mask: visible);
            }
            return proj_out.forward(y.transpose(1, 2).contiguous().view(batch, time, width));
        }
    }
}
