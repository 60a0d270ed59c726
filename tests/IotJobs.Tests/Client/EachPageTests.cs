using IotJobs.Client;

namespace IotJobs.Tests.Client;

/// <summary>Paging.EachPageAsync: the one loop that follows nextToken.</summary>
public sealed class EachPageTests
{
    private static Func<string?, Task<(int Page, string? Next)>> Pages(List<string?> asked, params string?[] next) =>
        token =>
        {
            asked.Add(token);
            int page = asked.Count - 1;
            return Task.FromResult((page, next[page]));
        };

    [Fact]
    public async Task Pages_are_fetched_with_each_token_in_turn_until_one_has_none()
    {
        var asked = new List<string?>();
        var taken = new List<int>();

        await Paging.EachPageAsync(Pages(asked, "a", "b", null), p => p.Next, p => Add(taken, p.Page));

        Assert.Equal([null, "a", "b"], asked);
        Assert.Equal([0, 1, 2], taken);
    }

    [Fact]
    public async Task An_empty_token_ends_the_listing_too()
    {
        var asked = new List<string?>();

        await Paging.EachPageAsync(Pages(asked, "a", ""), p => p.Next, _ => true);

        Assert.Equal([null, "a"], asked);
    }

    [Fact]
    public async Task Take_returning_false_stops_before_the_next_page()
    {
        var asked = new List<string?>();
        var taken = new List<int>();

        await Paging.EachPageAsync(Pages(asked, "a", "b", null), p => p.Next, p => Add(taken, p.Page) && p.Page < 1);

        Assert.Equal([null, "a"], asked);
        Assert.Equal([0, 1], taken);
    }

    [Fact]
    public async Task A_failing_page_ends_the_listing_with_its_error()
    {
        var asked = new List<string?>();
        int calls = 0;

        await Assert.ThrowsAsync<IOException>(() =>
            Paging.EachPageAsync<(int Page, string? Next)>(
                token =>
                    ++calls == 2
                        ? Task.FromException<(int, string?)>(new IOException())
                        : Pages(asked, "a", "b")(token),
                p => p.Next,
                _ => true
            )
        );
        Assert.Equal(2, calls);
    }

    private static bool Add(List<int> taken, int page)
    {
        taken.Add(page);
        return true;
    }
}
