<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- Shown for the servlets' own problems (problemStatus/problemMessage) and as the container's error page.
     The container's exception and message are never shown: they may hold internals. --%>
<c:set var="status" value="${not empty problemStatus ? problemStatus : requestScope['jakarta.servlet.error.status_code']}"/>
<c:choose>
  <c:when test="${status == 404}"><c:set var="pageTitle" value="Not found"/></c:when>
  <c:when test="${status == 503}"><c:set var="pageTitle" value="Please try again shortly"/></c:when>
  <c:when test="${status >= 500}"><c:set var="pageTitle" value="Something went wrong"/></c:when>
  <c:otherwise><c:set var="pageTitle" value="This request cannot be answered"/></c:otherwise>
</c:choose>
<%@ include file="header.jspf" %>
<section aria-labelledby="error-heading" class="card">
  <h1 id="error-heading"><c:out value="${pageTitle}"/></h1>
  <c:choose>
    <c:when test="${not empty problemMessage}"><p><c:out value="${problemMessage}"/></p></c:when>
    <c:when test="${status == 404}"><p>There is nothing at this address.</p></c:when>
    <c:when test="${status >= 500}"><p>The service could not answer this request. Please try again in a moment.</p></c:when>
    <c:otherwise><p>This address does not answer this kind of request.</p></c:otherwise>
  </c:choose>
  <p><a href="<c:url value='/'/>">Back to the start page</a>, where you can also look up a ServiceID.</p>
</section>
<%@ include file="footer.jspf" %>
