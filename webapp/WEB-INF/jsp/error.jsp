<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- Shown for the servlets' own problems (problemStatus/problemMessage) and as the container's error page.
     The container's exception and message are never shown: they may hold internals. --%>
<c:set var="status" value="${not empty problemStatus ? problemStatus : requestScope['jakarta.servlet.error.status_code']}"/>
<c:choose>
  <c:when test="${status == 404 and not empty typedServiceId}"><c:set var="pageTitle" value="No such service"/></c:when>
  <c:when test="${status == 404}"><c:set var="pageTitle" value="Not found"/></c:when>
  <c:when test="${status == 503}"><c:set var="pageTitle" value="Please try again shortly"/></c:when>
  <c:when test="${status >= 500}"><c:set var="pageTitle" value="Something went wrong"/></c:when>
  <c:otherwise><c:set var="pageTitle" value="This request cannot be answered"/></c:otherwise>
</c:choose>
<%@ include file="header.jspf" %>
<section aria-labelledby="error-heading" class="card card-narrow error-card">
  <p class="eyebrow eyebrow-bad">Error <c:out value="${status}"/></p>
  <h1 id="error-heading"><c:out value="${pageTitle}"/></h1>
  <c:choose>
    <c:when test="${not empty problemMessage}"><p class="lead"><c:out value="${problemMessage}"/>.</p></c:when>
    <c:when test="${status == 404}"><p class="lead">There is nothing at this address.</p></c:when>
    <c:when test="${status >= 500}"><p class="lead">The service could not answer this request. Please try again in a moment.</p></c:when>
    <c:otherwise><p class="lead">This address does not answer this kind of request.</p></c:otherwise>
  </c:choose>
  <c:choose>
    <c:when test="${status == 404 and not empty typedServiceId}">
      <p>Check the ServiceID against the one you were given, or try another one:</p>
      <%@ include file="lookup-form.jspf" %>
    </c:when>
    <c:when test="${status == 503}">
      <p>Nothing was lost: the service is busy or cannot reach its database for a moment.
         Reload this page in a few seconds.</p>
    </c:when>
  </c:choose>
  <div class="actions">
    <a class="button primary" href="<c:url value='/'/>">Go to the start page</a>
  </div>
</section>
<%@ include file="footer.jspf" %>
