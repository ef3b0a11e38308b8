using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Consult.Web.Infrastructure.Validation;

/// <summary>MVC's model-binding messages, in Vietnamese.</summary>
public static class BindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu không có nội dung.");
        messages.SetValueMustNotBeNullAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => "Giá trị không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => "Hãy nhập một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Hãy nhập một số.");
    }
}
