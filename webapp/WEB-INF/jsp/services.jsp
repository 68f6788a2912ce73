<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Services of ${listUserName}"/>
<%@ include file="header.jspf" %>
<section aria-labelledby="list-heading" class="card">
  <div class="card-head">
    <div>
      <p class="eyebrow">Services of</p>
      <h1 id="list-heading"><c:out value="${listUserName}"/></h1>
    </div>
    <a class="button primary" href="<c:url value='/'/>">New service</a>
  </div>
  <c:choose>
    <c:when test="${empty services}">
      <p class="empty">There is no service for this name yet. Names are matched exactly, capitals included.</p>
    </c:when>
    <c:otherwise>
      <p id="list-summary" class="hint list-hint">Newest first: services <c:out value="${listFirst}"/>&ndash;<c:out value="${listLast}"/>
        of <c:out value="${listTotal}"/>.<span data-zone-note hidden> Times in your time zone,
        <span data-zone></span>; hover a time for UTC.</span></p>
      <div class="table-wrap">
        <table id="services" class="stack-on-phone">
          <caption class="sr-only">Services of <c:out value="${listUserName}"/>, newest first</caption>
          <thead>
          <tr><th scope="col">ServiceID</th><th scope="col">Status</th><th scope="col">Bucket</th>
            <th scope="col">Requested</th><th scope="col">Images</th><th scope="col">Answers</th><th scope="col">Duration</th></tr>
          </thead>
          <tbody>
          <c:forEach var="service" items="${services}">
            <c:url var="serviceUrl" value="/services/${service.serviceId}"/>
            <tr>
              <th scope="row" data-label="ServiceID"><a class="service-id-inline" href="<c:out value='${serviceUrl}'/>"><c:out value="${service.serviceId}"/></a></th>
              <td data-label="Status"><span class="badge status-${service.status}"><c:out value="${service.status}"/></span></td>
              <td data-label="Bucket"><code class="bucket"><c:out value="${service.bucket}"/></code></td>
              <td data-label="Requested"><dn:time value="${service.requested}"/></td>
              <td data-label="Images" class="images">
                <span><c:out value="${service.progress}"/><span class="progress mini${empty service.percent ? ' indeterminate' : ''}" aria-hidden="true"><span class="progress-fill pct-${empty service.percent ? 100 : service.percent}"></span></span></span>
              </td>
              <td data-label="Answers" class="answers"><span class="badge result-day" title="day"><c:out value="${service.day}"/></span>
                <span class="badge result-night" title="night"><c:out value="${service.night}"/></span>
                <span class="badge result-error" title="errors"><c:out value="${service.errors}"/></span>
                <span class="sr-only">day, night and errors</span></td>
              <td data-label="Duration"><c:out value="${service.duration}" default="-"/></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
      </div>
      <c:if test="${listPages > 1}">
        <nav id="list-pager" class="pager" aria-label="Pages">
          <c:forEach var="n" begin="1" end="${listPages}">
            <c:url var="listPageUrl" value="/services"><c:param name="userName" value="${listUserName}"/><c:if test="${n > 1}"><c:param name="page" value="${n}"/></c:if></c:url>
            <a href="<c:out value='${listPageUrl}'/>"<c:if test="${n == listPage}"> aria-current="page"</c:if>>${n}</a>
          </c:forEach>
        </nav>
      </c:if>
    </c:otherwise>
  </c:choose>
</section>
<%@ include file="footer.jspf" %>
