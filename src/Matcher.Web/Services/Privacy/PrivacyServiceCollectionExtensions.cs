namespace Matcher.Web.Services.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Delete and download my data, applicant removal, the retention sweep and the audit log reader. The sweep runs
    /// on a timer once the background workers are added (<c>AddMatcherWorkers</c>).
    /// </summary>
    public static IServiceCollection AddMatcherPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section)
            .Validate(o => o.RetentionDays >= 0, "Matcher:Privacy:RetentionDays must be 0 (keep forever) or more.")
            .Validate(o => o.SweepInterval >= TimeSpan.FromMinutes(1), "Matcher:Privacy:SweepInterval must be at least one minute.")
            .ValidateOnStart();
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<ApplicantEraser>();
        services.AddScoped<AuditQueries>();
        services.AddSingleton<RetentionSweeper>();
        return services;
    }
}
