using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public class RadixSelectTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Finds_every_probed_rank_of_signed_values_with_many_ties(int size)
    {
        var random = new SeededRandom((ulong)size);
        var values = new double[size];
        for (int i = 0; i < size; i++) values[i] = (random.NextInt(1 + size / 10) - size / 20) * 0.37;
        double[] sorted = values.Order().ToArray();

        foreach (int rank in new[] { 0, size / 3, size / 2, size - 1 })
        {
            Assert.Equal(RadixSelect.Key(sorted[rank]), RadixSelect.NthSmallestKey(values, rank));
        }
    }

    [Fact]
    public void Keys_keep_the_order_of_doubles_and_tie_the_two_zeros()
    {
        double[] ascending = [double.MinValue, -1e300, -2.5, -double.Epsilon, 0.0, double.Epsilon, 1e-300, 0.5, 1.0, 3.0, double.MaxValue];
        for (int i = 1; i < ascending.Length; i++)
        {
            Assert.True(RadixSelect.Key(ascending[i - 1]) < RadixSelect.Key(ascending[i]), $"{ascending[i - 1]} vs {ascending[i]}");
        }
        Assert.Equal(RadixSelect.Key(0.0), RadixSelect.Key(-0.0));
    }

    [Fact]
    public void Stays_correct_on_sorted_reversed_and_constant_inputs()
    {
        double[] ascending = Enumerable.Range(0, 5000).Select(i => (double)i).ToArray();
        double[] descending = ascending.Reverse().ToArray();

        Assert.Equal(RadixSelect.Key(1234.0), RadixSelect.NthSmallestKey(ascending, 1234));
        Assert.Equal(RadixSelect.Key(1234.0), RadixSelect.NthSmallestKey(descending, 1234));
        Assert.Equal(RadixSelect.Key(7.0), RadixSelect.NthSmallestKey(Enumerable.Repeat(7.0, 5000).ToArray(), 4321));
    }

    [Fact]
    public void Rejects_a_rank_outside_the_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RadixSelect.NthSmallestKey([1.0, 2.0], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => RadixSelect.NthSmallestKey([1.0, 2.0], -1));
    }
}
