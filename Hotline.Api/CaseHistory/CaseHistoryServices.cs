namespace Hotline.Api.CaseHistory;

public static class CaseHistoryServices
{
    public static IServiceCollection AddCaseHistory(this IServiceCollection services) => services.AddSingleton<CaseHistoryReader>();
}
