package ru.repitbot.standin;

/** A Bot API error answer: {@code {"ok":false,"error_code":code,"description":...}} with the same HTTP status. */
final class ApiError extends RuntimeException {

    final int code;
    final Integer retryAfter;
    /** A raw body instead of the JSON error (nginx's HTML page of a 502). */
    final String htmlBody;

    ApiError(int code, String description) {
        this(code, description, null, null);
    }

    private ApiError(int code, String description, Integer retryAfter, String htmlBody) {
        super(description, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
        this.htmlBody = htmlBody;
    }

    static ApiError badRequest(String what) {
        return new ApiError(400, "Bad Request: " + what);
    }

    static ApiError forbidden(String what) {
        return new ApiError(403, "Forbidden: " + what);
    }

    static ApiError tooManyRequests(int retryAfter) {
        return new ApiError(429, "Too Many Requests: retry after " + retryAfter, retryAfter, null);
    }

    static ApiError conflict(String what) {
        return new ApiError(409, "Conflict: " + what);
    }

    static ApiError notFound() {
        return new ApiError(404, "Not Found");
    }

    static ApiError serverError(int code, boolean html) {
        String reason = switch (code) {
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Internal Server Error";
        };
        String page = html ? "<html>\r\n<head><title>" + code + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
                + code + " " + reason + "</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
                : null;
        return new ApiError(code, reason, null, page);
    }

    String description() {
        return getMessage();
    }
}
