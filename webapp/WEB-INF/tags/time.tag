<%@ tag body-content="empty" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ attribute name="value" required="true" type="com.daynight.web.PageTime" %>
<%@ attribute name="elementId" %>
<%@ attribute name="placeholder" %>
<%-- A moment in UTC, which local-times.js rewrites into the reader's time zone, keeping the UTC text as the
     title. A time still to come is an empty <time> with placeholder text, which the service page fills in. --%>
<c:choose>
  <c:when test="${empty value}"><time<c:if test="${not empty elementId}"> id="${elementId}"</c:if> data-local><c:out value="${placeholder}"/></time></c:when>
  <c:otherwise><time<c:if test="${not empty elementId}"> id="${elementId}"</c:if> data-local datetime="<c:out value='${value.iso}'/>" title="<c:out value='${value.utc}'/>"><c:out value="${value.utc}"/></time></c:otherwise>
</c:choose>
