using System.Net.Sockets;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>Which failures are "the database is down, come back later" (503), and how the circuit opens and closes.</summary>
public sealed class DatabaseFailuresTests
{
    public static TheoryData<string> UnavailableStates => ["57P01", "57P02", "57P03", "08006", "08001", "53300"];

    public static TheoryData<string> OtherStates => ["23505", "23503", "40001", "42P01", "28P01", "3D000"];

    [Theory]
    [MemberData(nameof(UnavailableStates))]
    public void A_server_that_is_shutting_down_starting_or_unreachable_is_unavailable_also_when_wrapped(string sqlState)
    {
        var postgres = Postgres(sqlState);

        Assert.True(DatabaseFailures.IsUnavailable(postgres));
        Assert.True(DatabaseFailures.IsUnavailable(new DbUpdateException("save failed", postgres)));
        Assert.True(DatabaseFailures.IsUnavailable(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", postgres)));
        Assert.True(DatabaseFailures.IsUnavailable(new BackgroundJobClientException("enqueue failed", postgres)));
    }

    [Theory]
    [MemberData(nameof(OtherStates))]
    public void Constraint_violations_conflicts_missing_tables_and_bad_passwords_stay_errors(string sqlState)
    {
        Assert.False(DatabaseFailures.IsUnavailable(Postgres(sqlState)));
        Assert.False(DatabaseFailures.IsUnavailable(new DbUpdateException("save failed", Postgres(sqlState))));
    }

    [Fact]
    public void Connection_level_driver_failures_are_unavailable_and_unrelated_exceptions_are_not()
    {
        Assert.True(DatabaseFailures.IsUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseFailures.IsUnavailable(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(DatabaseFailures.IsUnavailable(new NpgsqlException("Timeout during connection attempt", new TimeoutException())));
        Assert.True(DatabaseFailures.IsUnavailable(new RetryLimitExceededException("retries exhausted", new InvalidOperationException())));
        Assert.True(DatabaseFailures.IsUnavailable(new DatabaseUnavailableException()));

        Assert.False(DatabaseFailures.IsUnavailable(null));
        Assert.False(DatabaseFailures.IsUnavailable(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseFailures.IsUnavailable(new TimeoutException("an SMTP server, not the database")));
        Assert.False(DatabaseFailures.IsUnavailable(new NpgsqlException("Reading as 'System.Guid' is not supported")));
    }

    [Fact]
    public void The_circuit_refuses_at_once_after_a_failure_then_lets_one_probe_through_and_closes_when_a_connection_opens()
    {
        var clock = new StepClock();
        var circuit = new DatabaseCircuit(clock, NullLogger<DatabaseCircuit>.Instance);
        Assert.True(circuit.AllowAttempt());

        circuit.ReportFailure(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)));
        Assert.True(circuit.IsOpen);
        Assert.False(circuit.AllowAttempt());

        clock.Advance(DatabaseCircuit.OpenFor);
        Assert.True(circuit.AllowAttempt());  // the probe
        Assert.False(circuit.AllowAttempt()); // everyone else, while the probe is out

        circuit.ReportFailure(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)));
        Assert.False(circuit.AllowAttempt());
        clock.Advance(DatabaseCircuit.OpenFor);
        Assert.True(circuit.AllowAttempt());

        circuit.ReportSuccess();
        Assert.False(circuit.IsOpen);
        Assert.True(circuit.AllowAttempt());
        Assert.True(circuit.AllowAttempt());
    }

    [Fact]
    public void A_probe_that_never_reports_does_not_keep_the_circuit_shut()
    {
        var clock = new StepClock();
        var circuit = new DatabaseCircuit(clock, NullLogger<DatabaseCircuit>.Instance);
        circuit.ReportFailure(new DatabaseUnavailableException());
        clock.Advance(DatabaseCircuit.OpenFor);
        Assert.True(circuit.AllowAttempt()); // its request is then cancelled: no success, no failure

        clock.Advance(circuit.ProbeTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(circuit.AllowAttempt());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(circuit.AllowAttempt());
    }

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    private sealed class StepClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
