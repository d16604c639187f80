// Each browser test class runs its own app and Chromium; on a 2-core machine running them side by side
// makes timings, not the code, decide whether a test passes.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
