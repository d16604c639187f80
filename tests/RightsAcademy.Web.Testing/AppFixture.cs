using Xunit;
using RightsAcademy.Web.Features.Municipalities;

namespace RightsAcademy.Web.Testing;

/// <summary>One migrated database and one app per test class, with a municipality to attach users to.</summary>
public class AppFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private RightsAcademyFactory? _factory;

    public RightsAcademyFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public Municipality Municipality { get; private set; } = null!;

    protected virtual bool UseKestrel => false;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new RightsAcademyFactory(_database, UseKestrel, Settings);
        if (UseKestrel)
        {
            _factory.StartServer();
        }

        Municipality = await _factory.CreateMunicipalityAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
