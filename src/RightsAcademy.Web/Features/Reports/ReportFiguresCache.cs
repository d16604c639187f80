using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// Keeps computed reports for <see cref="ReportOptions.FiguresCacheSeconds"/> on this node. The figures aggregate up to
/// a million rows (six statements, about half a second of database time on the benchmark data), while everyone who
/// opens the same view within a minute would get the same numbers; the page says when they were computed.
/// Its own <see cref="MemoryCache"/>, bounded by size, so nothing else in the site competes with it or is evicted by it.
/// </summary>
public sealed class ReportFiguresCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    // One computation per key at a time: the requests that arrive while it runs await it instead of running the same
    // aggregates beside it (a page that takes half a second would otherwise be computed by every request of that second).
    private readonly ConcurrentDictionary<ReportSnapshotKey, Lazy<Task<ReportSnapshot>>> _running = new();

    // Per municipality, the generation its views are cached under and a token that expires them. Saving a target moves
    // the municipality to a new generation: views computed before (even those still running) are never served again.
    // At most one entry per municipality that has been viewed.
    private readonly ConcurrentDictionary<Guid, Generation> _generations = new();

    public ReportFiguresCache(IOptions<ReportOptions> options, TimeProvider clock)
    {
        _lifetime = TimeSpan.FromSeconds(options.Value.FiguresCacheSeconds);
        _clock = clock;
        // Sizes in kilobytes (see ReportSnapshot.ApproximateBytes).
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.FiguresCacheMegabytes * 1024L });
    }

    /// <summary>How long figures are reused; zero when the cache is off.</summary>
    public TimeSpan Lifetime => _lifetime;

    public bool Enabled => _lifetime > TimeSpan.Zero;

    /// <summary>
    /// The cached report for <paramref name="key"/>, or a new one from <paramref name="compute"/>. The token given to
    /// <paramref name="compute"/> is the caller's only when nothing is cached: a shared computation must not stop
    /// because the one request that started it went away.
    /// </summary>
    /// <param name="municipality">The municipality whose target changes expire this view (only single-municipality views show targets).</param>
    public async Task<ReportSnapshot> GetAsync(ReportSnapshotKey key, Guid? municipality, Func<CancellationToken, Task<ReportSnapshot>> compute,
        CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return await compute(cancellationToken);
        }

        var generation = municipality is { } id ? _generations.GetOrAdd(id, _ => new Generation(0, new CancellationTokenSource())) : null;
        key = key with { Generation = generation?.Number ?? 0 };
        if (_cache.TryGetValue(key, out ReportSnapshot? cached) && cached is not null && Fresh(cached))
        {
            return cached;
        }

        Lazy<Task<ReportSnapshot>>? mine = null;
        mine = new Lazy<Task<ReportSnapshot>>(() => ComputeAsync(key, generation, compute, mine!));
        var running = _running.GetOrAdd(key, mine);
        // The request that started the computation awaits it to the end: it runs on that request's DbContext, which
        // must outlive it. The others may stop waiting when their own request is aborted.
        return running == mine ? await running.Value : await running.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets this node's views of a municipality (its department targets changed), including those being computed.</summary>
    public void Evict(Guid municipality)
    {
        while (true)
        {
            if (!_generations.TryGetValue(municipality, out var current))
            {
                // Never viewed on this node, or only with the cache off: nothing to forget. A view started now reads
                // the new target, since the caller saved it before evicting.
                return;
            }

            if (_generations.TryUpdate(municipality, new Generation(current.Number + 1, new CancellationTokenSource()), current))
            {
                // Frees the memory of the old generation's entries now rather than when they expire. Not disposed: a
                // computation of that generation may still register its entry with the token.
                current.Expiry.Cancel();
                return;
            }
        }
    }

    public void Dispose() => _cache.Dispose();

    private bool Fresh(ReportSnapshot snapshot) => _clock.GetUtcNow() - snapshot.ComputedUtc < _lifetime;

    private async Task<ReportSnapshot> ComputeAsync(ReportSnapshotKey key, Generation? generation, Func<CancellationToken, Task<ReportSnapshot>> compute,
        Lazy<Task<ReportSnapshot>> self)
    {
        try
        {
            var snapshot = await compute(CancellationToken.None);
            using var entry = _cache.CreateEntry(key);
            entry.Value = snapshot;
            entry.Size = Math.Max(1, snapshot.ApproximateBytes() / 1024);
            // Freshness is judged with the app's clock (Fresh); this only lets the memory go when nobody asks again.
            entry.AbsoluteExpirationRelativeToNow = _lifetime;
            if (generation is not null)
            {
                entry.AddExpirationToken(new CancellationChangeToken(generation.Expiry.Token));
            }

            return snapshot;
        }
        finally
        {
            // A failed computation is not kept: the next request tries again.
            _running.TryRemove(new KeyValuePair<ReportSnapshotKey, Lazy<Task<ReportSnapshot>>>(key, self));
        }
    }

    private sealed record Generation(int Number, CancellationTokenSource Expiry);
}
